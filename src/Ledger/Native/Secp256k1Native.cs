using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace DaiChain.Ledger.Native;

/// <summary>
/// Thin binding to libsecp256k1 (<c>secp256k1.h</c>, <c>secp256k1_recovery.h</c>, <c>secp256k1_ecdh.h</c>).
/// Every wrapper checks lengths and ranges before the call and throws <see cref="ArgumentException"/>, because
/// the library answers an illegal argument by calling <c>abort()</c>, which would kill the node.
/// </summary>
/// <remarks>
/// The library's structs are opaque, platform-specific formats: they are held in the fixed-size buffers below
/// only within one process and are never written to disk or the wire (parse and serialize at the boundary).
/// All functions used here take a <c>const</c> context and may run concurrently on one context; only
/// <see cref="ContextRandomize"/> needs exclusive access.
/// </remarks>
internal static partial class Secp256k1Native
{
    public const int SecretKeySize = 32;
    public const int MessageHashSize = 32;
    public const int CompactSignatureSize = 64;
    public const int CompressedPublicKeySize = 33;
    public const int UncompressedPublicKeySize = 65;
    public const int SharedSecretSize = 32;
    public const int ContextSeedSize = 32;

    // secp256k1.h: SECP256K1_CONTEXT_NONE = SECP256K1_FLAGS_TYPE_CONTEXT.
    private const uint ContextNone = 1u << 0;

    // secp256k1.h: SECP256K1_EC_COMPRESSED / SECP256K1_EC_UNCOMPRESSED.
    private const uint EcCompressed = (1u << 1) | (1u << 8);
    private const uint EcUncompressed = 1u << 1;

    /// <summary>Creates a context (flag <c>SECP256K1_CONTEXT_NONE</c>); loads the library first so a missing one is a clear error.</summary>
    /// <exception cref="NativeLibraryMissingException">libsecp256k1 is not installed.</exception>
    public static Secp256k1ContextHandle ContextCreate()
    {
        NativeLibraries.Require(NativeLibraries.Secp256k1);
        var context = Imports.ContextCreate(ContextNone);
        if (context.IsInvalid)
        {
            context.Dispose();
            throw new InvalidOperationException("secp256k1_context_create returned NULL (out of memory)");
        }

        return context;
    }

    /// <summary>Re-seeds the context's side-channel blinding. Needs exclusive access to <paramref name="context"/>.</summary>
    public static bool ContextRandomize(Secp256k1ContextHandle context, ReadOnlySpan<byte> seed32)
    {
        RequireLength(seed32, ContextSeedSize, nameof(seed32));
        return Imports.ContextRandomize(context, seed32) == 1;
    }

    /// <summary><c>secp256k1_context_destroy</c>; only <see cref="Secp256k1ContextHandle"/> calls it.</summary>
    [LibraryImport(NativeLibraries.Secp256k1, EntryPoint = "secp256k1_context_destroy")]
    internal static partial void ContextDestroy(IntPtr context);

    /// <summary>True when <paramref name="secretKey"/> is in [1, n-1].</summary>
    public static bool SecretKeyVerify(Secp256k1ContextHandle context, ReadOnlySpan<byte> secretKey)
    {
        RequireLength(secretKey, SecretKeySize, nameof(secretKey));
        return Imports.SecretKeyVerify(context, secretKey) == 1;
    }

    /// <summary>Derives the public key; false when the secret key is out of range.</summary>
    public static bool PublicKeyCreate(Secp256k1ContextHandle context, out PublicKeyData publicKey, ReadOnlySpan<byte> secretKey)
    {
        RequireLength(secretKey, SecretKeySize, nameof(secretKey));
        return Imports.PublicKeyCreate(context, out publicKey, secretKey) == 1;
    }

    /// <summary>
    /// Parses a 33-byte compressed or 65-byte uncompressed (or hybrid) key; false when it is not a point on the curve.
    /// </summary>
    public static bool PublicKeyParse(Secp256k1ContextHandle context, out PublicKeyData publicKey, ReadOnlySpan<byte> input)
    {
        if (input.Length is not (CompressedPublicKeySize or UncompressedPublicKeySize))
        {
            throw new ArgumentException($"a serialized public key is {CompressedPublicKeySize} or {UncompressedPublicKeySize} bytes, got {input.Length}", nameof(input));
        }

        return Imports.PublicKeyParse(context, out publicKey, input, (nuint)input.Length) == 1;
    }

    /// <summary>Serializes compressed when <paramref name="output"/> is 33 bytes, uncompressed when it is 65.</summary>
    public static void PublicKeySerialize(Secp256k1ContextHandle context, Span<byte> output, in PublicKeyData publicKey)
    {
        var flags = output.Length switch
        {
            CompressedPublicKeySize => EcCompressed,
            UncompressedPublicKeySize => EcUncompressed,
            _ => throw new ArgumentException($"a public key serializes to {CompressedPublicKeySize} or {UncompressedPublicKeySize} bytes, got a {output.Length}-byte buffer", nameof(output)),
        };
        RequireInitialized(publicKey);
        var written = (nuint)output.Length;
        _ = Imports.PublicKeySerialize(context, output, ref written, in publicKey, flags);
        Invariant.Check(written == (nuint)output.Length, "secp256k1_ec_pubkey_serialize wrote an unexpected length");
    }

    /// <summary>Signs with an RFC 6979 deterministic nonce (NULL nonce function); false when the secret key is invalid.</summary>
    public static bool EcdsaSignRecoverable(
        Secp256k1ContextHandle context,
        out RecoverableSignatureData signature,
        ReadOnlySpan<byte> messageHash32,
        ReadOnlySpan<byte> secretKey)
    {
        RequireLength(messageHash32, MessageHashSize, nameof(messageHash32));
        RequireLength(secretKey, SecretKeySize, nameof(secretKey));
        return Imports.EcdsaSignRecoverable(context, out signature, messageHash32, secretKey, IntPtr.Zero, IntPtr.Zero) == 1;
    }

    /// <summary>Writes r || s (64 bytes) and returns the recovery id (0-3).</summary>
    public static int RecoverableSignatureSerializeCompact(Secp256k1ContextHandle context, Span<byte> output64, in RecoverableSignatureData signature)
    {
        RequireLength(output64, CompactSignatureSize, nameof(output64));
        _ = Imports.RecoverableSignatureSerializeCompact(context, output64, out var recoveryId, in signature);
        return recoveryId;
    }

    /// <summary>Parses r || s and a recovery id in 0-3; false when r or s is not below the curve order.</summary>
    public static bool RecoverableSignatureParseCompact(
        Secp256k1ContextHandle context,
        out RecoverableSignatureData signature,
        ReadOnlySpan<byte> input64,
        int recoveryId)
    {
        RequireLength(input64, CompactSignatureSize, nameof(input64));
        ArgumentOutOfRangeException.ThrowIfNegative(recoveryId);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(recoveryId, 3);
        return Imports.RecoverableSignatureParseCompact(context, out signature, input64, recoveryId) == 1;
    }

    /// <summary>Recovers the signing key; false when the signature does not recover a key for this hash.</summary>
    public static bool EcdsaRecover(
        Secp256k1ContextHandle context,
        out PublicKeyData publicKey,
        in RecoverableSignatureData signature,
        ReadOnlySpan<byte> messageHash32)
    {
        RequireLength(messageHash32, MessageHashSize, nameof(messageHash32));
        return Imports.EcdsaRecover(context, out publicKey, in signature, messageHash32) == 1;
    }

    /// <summary>Plain (non-recoverable) signature with an RFC 6979 nonce; false when the secret key is invalid.</summary>
    public static bool EcdsaSign(Secp256k1ContextHandle context, out SignatureData signature, ReadOnlySpan<byte> messageHash32, ReadOnlySpan<byte> secretKey)
    {
        RequireLength(messageHash32, MessageHashSize, nameof(messageHash32));
        RequireLength(secretKey, SecretKeySize, nameof(secretKey));
        return Imports.EcdsaSign(context, out signature, messageHash32, secretKey, IntPtr.Zero, IntPtr.Zero) == 1;
    }

    /// <summary>True for a correct low-S signature; the library rejects high-S signatures.</summary>
    public static bool EcdsaVerify(Secp256k1ContextHandle context, in SignatureData signature, ReadOnlySpan<byte> messageHash32, in PublicKeyData publicKey)
    {
        RequireLength(messageHash32, MessageHashSize, nameof(messageHash32));
        RequireInitialized(publicKey);
        return Imports.EcdsaVerify(context, in signature, messageHash32, in publicKey) == 1;
    }

    /// <summary>Parses r || s; false when r or s is not below the curve order.</summary>
    public static bool SignatureParseCompact(Secp256k1ContextHandle context, out SignatureData signature, ReadOnlySpan<byte> input64)
    {
        RequireLength(input64, CompactSignatureSize, nameof(input64));
        return Imports.SignatureParseCompact(context, out signature, input64) == 1;
    }

    /// <summary>Writes r || s (64 bytes).</summary>
    public static void SignatureSerializeCompact(Secp256k1ContextHandle context, Span<byte> output64, in SignatureData signature)
    {
        RequireLength(output64, CompactSignatureSize, nameof(output64));
        _ = Imports.SignatureSerializeCompact(context, output64, in signature);
    }

    /// <summary>Replaces a high-S signature with its low-S twin in place; true when it was high-S.</summary>
    public static bool SignatureNormalize(Secp256k1ContextHandle context, ref SignatureData signature)
    {
        // The header allows sigin and sigout to be the same object; copy anyway so the two pinned pointers never alias.
        var input = signature;
        return Imports.SignatureNormalize(context, out signature, in input) == 1;
    }

    /// <summary>
    /// ECDH with the library's default hash: SHA-256(0x02 | parity(y) || x) of the shared point. False when the
    /// secret key is out of range.
    /// </summary>
    public static bool Ecdh(Secp256k1ContextHandle context, Span<byte> output32, in PublicKeyData publicKey, ReadOnlySpan<byte> secretKey)
    {
        RequireLength(output32, SharedSecretSize, nameof(output32));
        RequireLength(secretKey, SecretKeySize, nameof(secretKey));
        RequireInitialized(publicKey);
        return Imports.Ecdh(context, output32, in publicKey, secretKey, IntPtr.Zero, IntPtr.Zero) == 1;
    }

    private static void RequireLength(ReadOnlySpan<byte> span, int length, string name)
    {
        if (span.Length != length)
        {
            throw new ArgumentException($"{name} must be {length} bytes, got {span.Length}", name);
        }
    }

    // secp256k1_pubkey_load ARG_CHECKs (aborts) on an all-zero key, which is what an unset struct holds.
    private static void RequireInitialized(in PublicKeyData publicKey)
    {
        ReadOnlySpan<byte> bytes = publicKey;
        if (!bytes.ContainsAnyExcept((byte)0))
        {
            throw new ArgumentException("the public key was never initialized by the library", nameof(publicKey));
        }
    }

    /// <summary><c>secp256k1_pubkey</c>: 64 opaque bytes.</summary>
    [InlineArray(64)]
    internal struct PublicKeyData
    {
        private byte _element0;
    }

    /// <summary><c>secp256k1_ecdsa_signature</c>: 64 opaque bytes.</summary>
    [InlineArray(64)]
    internal struct SignatureData
    {
        private byte _element0;
    }

    /// <summary><c>secp256k1_ecdsa_recoverable_signature</c>: 65 opaque bytes.</summary>
    [InlineArray(65)]
    internal struct RecoverableSignatureData
    {
        private byte _element0;
    }

    private static partial class Imports
    {
        [LibraryImport(NativeLibraries.Secp256k1, EntryPoint = "secp256k1_context_create")]
        public static partial Secp256k1ContextHandle ContextCreate(uint flags);

        [LibraryImport(NativeLibraries.Secp256k1, EntryPoint = "secp256k1_context_randomize")]
        public static partial int ContextRandomize(Secp256k1ContextHandle context, ReadOnlySpan<byte> seed32);

        [LibraryImport(NativeLibraries.Secp256k1, EntryPoint = "secp256k1_ec_seckey_verify")]
        public static partial int SecretKeyVerify(Secp256k1ContextHandle context, ReadOnlySpan<byte> secretKey);

        [LibraryImport(NativeLibraries.Secp256k1, EntryPoint = "secp256k1_ec_pubkey_create")]
        public static partial int PublicKeyCreate(Secp256k1ContextHandle context, out PublicKeyData publicKey, ReadOnlySpan<byte> secretKey);

        [LibraryImport(NativeLibraries.Secp256k1, EntryPoint = "secp256k1_ec_pubkey_parse")]
        public static partial int PublicKeyParse(Secp256k1ContextHandle context, out PublicKeyData publicKey, ReadOnlySpan<byte> input, nuint inputLength);

        [LibraryImport(NativeLibraries.Secp256k1, EntryPoint = "secp256k1_ec_pubkey_serialize")]
        public static partial int PublicKeySerialize(Secp256k1ContextHandle context, Span<byte> output, ref nuint outputLength, in PublicKeyData publicKey, uint flags);

        [LibraryImport(NativeLibraries.Secp256k1, EntryPoint = "secp256k1_ecdsa_sign_recoverable")]
        public static partial int EcdsaSignRecoverable(
            Secp256k1ContextHandle context,
            out RecoverableSignatureData signature,
            ReadOnlySpan<byte> messageHash32,
            ReadOnlySpan<byte> secretKey,
            IntPtr nonceFunction,
            IntPtr nonceData);

        [LibraryImport(NativeLibraries.Secp256k1, EntryPoint = "secp256k1_ecdsa_recoverable_signature_serialize_compact")]
        public static partial int RecoverableSignatureSerializeCompact(Secp256k1ContextHandle context, Span<byte> output64, out int recoveryId, in RecoverableSignatureData signature);

        [LibraryImport(NativeLibraries.Secp256k1, EntryPoint = "secp256k1_ecdsa_recoverable_signature_parse_compact")]
        public static partial int RecoverableSignatureParseCompact(Secp256k1ContextHandle context, out RecoverableSignatureData signature, ReadOnlySpan<byte> input64, int recoveryId);

        [LibraryImport(NativeLibraries.Secp256k1, EntryPoint = "secp256k1_ecdsa_recover")]
        public static partial int EcdsaRecover(Secp256k1ContextHandle context, out PublicKeyData publicKey, in RecoverableSignatureData signature, ReadOnlySpan<byte> messageHash32);

        [LibraryImport(NativeLibraries.Secp256k1, EntryPoint = "secp256k1_ecdsa_sign")]
        public static partial int EcdsaSign(
            Secp256k1ContextHandle context,
            out SignatureData signature,
            ReadOnlySpan<byte> messageHash32,
            ReadOnlySpan<byte> secretKey,
            IntPtr nonceFunction,
            IntPtr nonceData);

        [LibraryImport(NativeLibraries.Secp256k1, EntryPoint = "secp256k1_ecdsa_verify")]
        public static partial int EcdsaVerify(Secp256k1ContextHandle context, in SignatureData signature, ReadOnlySpan<byte> messageHash32, in PublicKeyData publicKey);

        [LibraryImport(NativeLibraries.Secp256k1, EntryPoint = "secp256k1_ecdsa_signature_parse_compact")]
        public static partial int SignatureParseCompact(Secp256k1ContextHandle context, out SignatureData signature, ReadOnlySpan<byte> input64);

        [LibraryImport(NativeLibraries.Secp256k1, EntryPoint = "secp256k1_ecdsa_signature_serialize_compact")]
        public static partial int SignatureSerializeCompact(Secp256k1ContextHandle context, Span<byte> output64, in SignatureData signature);

        [LibraryImport(NativeLibraries.Secp256k1, EntryPoint = "secp256k1_ecdsa_signature_normalize")]
        public static partial int SignatureNormalize(Secp256k1ContextHandle context, out SignatureData signatureOut, in SignatureData signatureIn);

        [LibraryImport(NativeLibraries.Secp256k1, EntryPoint = "secp256k1_ecdh")]
        public static partial int Ecdh(
            Secp256k1ContextHandle context,
            Span<byte> output32,
            in PublicKeyData publicKey,
            ReadOnlySpan<byte> secretKey,
            IntPtr hashFunction,
            IntPtr data);
    }
}
