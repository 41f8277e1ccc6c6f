/*
 * The C library's own secp256k1 rates on this machine, as the reference for the C# figures
 * (benchmarks/DaiChain.Benchmarks/Crypto/Secp256k1Benchmarks.cs). One thread, one randomized context.
 *
 *   sign:    secp256k1_ecdsa_sign_recoverable + recoverable_signature_serialize_compact
 *   verify:  secp256k1_ecdsa_verify with a parsed signature and key
 *   recover: secp256k1_ecdsa_recover with a parsed recoverable signature
 *
 * Each operation runs ROUNDS rounds of COUNT calls; the best round is reported, as BenchmarkDotNet's
 * minimum would be, and the median for reference.
 */
#define _POSIX_C_SOURCE 199309L /* clock_gettime under -std=c11 */

#include <secp256k1.h>
#include <secp256k1_recovery.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define COUNT 20000
#define ROUNDS 5

static double now_seconds(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int compare_doubles(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static void report(const char *name, double round_seconds[ROUNDS]) {
    qsort(round_seconds, ROUNDS, sizeof(double), compare_doubles);
    double best_us = round_seconds[0] / COUNT * 1e6;
    double median_us = round_seconds[ROUNDS / 2] / COUNT * 1e6;
    printf("%-8s %8.2f us/op  %8.0f ops/s   (median %.2f us/op)\n", name, best_us, 1e6 / best_us, median_us);
}

/* Distinct 32-byte messages, so no call sees the same input twice in a row. */
static void message(unsigned char out[32], int i) {
    memset(out, 0x5a, 32);
    memcpy(out, &i, sizeof i);
}

int main(void) {
    secp256k1_context *ctx = secp256k1_context_create(SECP256K1_CONTEXT_NONE);
    unsigned char seed[32];
    FILE *urandom = fopen("/dev/urandom", "rb");
    if (urandom == NULL || fread(seed, 1, sizeof seed, urandom) != sizeof seed || !secp256k1_context_randomize(ctx, seed)) {
        fprintf(stderr, "could not randomize the context\n");
        return 1;
    }
    fclose(urandom);

    unsigned char seckey[32];
    memset(seckey, 0x42, sizeof seckey);
    secp256k1_pubkey pubkey;
    if (!secp256k1_ec_pubkey_create(ctx, &pubkey, seckey)) {
        return 1;
    }

    static secp256k1_ecdsa_recoverable_signature recoverable[COUNT];
    static secp256k1_ecdsa_signature plain[COUNT];
    unsigned char msg[32], compact[64];
    int recid;
    volatile int sink = 0;
    double rounds[ROUNDS];

    for (int r = 0; r < ROUNDS; r++) {
        double start = now_seconds();
        for (int i = 0; i < COUNT; i++) {
            message(msg, i);
            sink += secp256k1_ecdsa_sign_recoverable(ctx, &recoverable[i], msg, seckey, NULL, NULL);
            sink += secp256k1_ecdsa_recoverable_signature_serialize_compact(ctx, compact, &recid, &recoverable[i]);
        }
        rounds[r] = now_seconds() - start;
    }
    report("sign", rounds);

    for (int i = 0; i < COUNT; i++) {
        sink += secp256k1_ecdsa_recoverable_signature_convert(ctx, &plain[i], &recoverable[i]);
    }

    for (int r = 0; r < ROUNDS; r++) {
        double start = now_seconds();
        for (int i = 0; i < COUNT; i++) {
            message(msg, i);
            sink += secp256k1_ecdsa_verify(ctx, &plain[i], msg, &pubkey);
        }
        rounds[r] = now_seconds() - start;
    }
    report("verify", rounds);

    for (int r = 0; r < ROUNDS; r++) {
        double start = now_seconds();
        for (int i = 0; i < COUNT; i++) {
            secp256k1_pubkey recovered;
            message(msg, i);
            sink += secp256k1_ecdsa_recover(ctx, &recovered, &recoverable[i], msg);
        }
        rounds[r] = now_seconds() - start;
    }
    report("recover", rounds);

    secp256k1_context_destroy(ctx);
    /* 2 per sign, 1 per convert, 1 per verify, 1 per recover: all calls must have succeeded. */
    int expected = ROUNDS * COUNT * 2 + COUNT + ROUNDS * COUNT * 2;
    if (sink != expected) {
        fprintf(stderr, "some calls failed (%d of %d succeeded)\n", sink, expected);
        return 1;
    }
    return 0;
}
