#!/usr/bin/env bash
# Builds and runs benchmarks/native/secp256k1_bench.c against the installed libsecp256k1
# (needs gcc and libsecp256k1-dev), printing the C library's sign/verify/recover rates on this machine.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
gcc -O2 -std=c11 -Wall -Wextra -Werror -o "$out/secp256k1_bench" "$here/secp256k1_bench.c" -lsecp256k1
echo "libsecp256k1 (C), one thread:"
"$out/secp256k1_bench"
