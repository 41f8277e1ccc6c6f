using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using DaiChain.Ledger.Native;
using DaiChain.Ledger.Primitives;

namespace DaiChain.Ledger.Crypto;

/// <summary>
/// secp256k1 ECDSA signing, verification, public-key recovery and ECDH over libsecp256k1. Every method is safe
/// to call from many threads at once on one instance.
/// </summary>
/// <remarks>
/// One context per instance, randomized once at construction (side-channel blinding for signing and key
/// derivation). No lock is needed: every library function used after construction takes a <c>const</c> context,
/// which the library documents as safe for concurrent use; only re-randomization would need exclusive access,
/// and it is not done after construction. Signing uses RFC 6979 deterministic nonces, so the same key and digest
/// always give the same signature. <see cref="Shared"/> is the process-wide instance the key types use.
/// </remarks>
public sealed class Secp256k1 : IDisposable
{
    private static readonly Lazy<Secp256k1> SharedInstance = new(() => new Secp256k1(), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Secp256k1ContextHandle _context;

    /// <summary>Creates and randomizes a context.</summary>
    /// <exception cref="NativeLibraryMissingException">libsecp256k1 is not installed.</exception>
    public Secp256k1()
    {
        _context = Secp256k1Native.ContextCreate();
        Span<byte> seed = stackalloc byte[Secp256k1Native.ContextSeedSize];
        RandomNumberGenerator.Fill(seed);
        try
        {
            if (!Secp256k1Native.ContextRandomize(_context, seed))
            {
                _context.Dispose();
                throw new CryptographicException("secp256k1_context_randomize failed");
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(seed);
        }
    }

    /// <summary>The process-wide instance, created on first use. Disposing it has no effect.</summary>
    /// <exception cref="NativeLibraryMissingException">libsecp256k1 is not installed.</exception>
    public static Secp256k1 Shared => SharedInstance.Value;

    /// <summary>Signs a 32-byte digest with an RFC 6979 nonce; the result is canonical (low-S, v in {0, 1}).</summary>
    /// <exception cref="ObjectDisposedException">The key was disposed.</exception>
    public RecoverableSignature Sign(PrivateKey key, Hash256 digest)
    {
        Span<byte> message = stackalloc byte[Hash256.Size];
        digest.CopyTo(message);
        if (!Secp256k1Native.EcdsaSignRecoverable(_context, out var native, message, key.Secret))
        {
            throw new CryptographicException("secp256k1 signing failed (the key was cleared while in use)");
        }

        Span<byte> compact = stackalloc byte[Secp256k1Native.CompactSignatureSize];
        var recoveryId = Secp256k1Native.RecoverableSignatureSerializeCompact(_context, compact, native);
        return RecoverableSignature.FromCompact(compact, recoveryId);
    }

    /// <summary>
    /// True when (r, s) of <paramref name="signature"/> is a valid ECDSA signature of <paramref name="digest"/> by
    /// <paramref name="key"/>.
    /// </summary>
    /// <remarks>
    /// The recovery id is not checked here: the signature with v flipped verifies too. Where the signature bytes
    /// must be unique (anything hashed with its signature), identify the signer with <see cref="Recover"/>, which
    /// binds v. docs/spec/signatures.md states the rule.
    /// </remarks>
    public bool Verify(PublicKey key, Hash256 digest, RecoverableSignature signature)
    {
        Span<byte> message = stackalloc byte[Hash256.Size];
        digest.CopyTo(message);
        // Cannot fail: r and s were range-checked when the signature was parsed.
        var parsed = Secp256k1Native.SignatureParseCompact(_context, out var native, signature.Compact);
        Invariant.Check(parsed, "a canonical signature failed to parse");
        return Secp256k1Native.EcdsaVerify(_context, native, message, key.Native);
    }

    /// <summary>The public key that produced <paramref name="signature"/> over <paramref name="digest"/>.</summary>
    /// <exception cref="CryptographicException">No key recovers: the signature is not valid for this digest.</exception>
    public PublicKey Recover(Hash256 digest, RecoverableSignature signature) =>
        TryRecover(digest, signature, out var key)
            ? key
            : throw new CryptographicException("the signature does not recover a public key for this digest");

    /// <summary>Recovers the signer's key; false when the signature is not valid for this digest.</summary>
    /// <remarks>Any recovered key is one the signature verifies against, so recovery is also verification.</remarks>
    public bool TryRecover(Hash256 digest, RecoverableSignature signature, [NotNullWhen(true)] out PublicKey? key)
    {
        key = null;
        Span<byte> message = stackalloc byte[Hash256.Size];
        digest.CopyTo(message);
        var parsed = Secp256k1Native.RecoverableSignatureParseCompact(_context, out var native, signature.Compact, signature.RecoveryId);
        Invariant.Check(parsed, "a canonical signature failed to parse");
        if (!Secp256k1Native.EcdsaRecover(_context, out var recovered, native, message))
        {
            return false;
        }

        key = CreatePublicKey(recovered);
        return true;
    }

    /// <summary>
    /// The ECDH shared secret of <paramref name="key"/> and <paramref name="peer"/>: SHA-256 of the compressed
    /// shared point (the library's default), 32 bytes. Both sides get the same bytes.
    /// </summary>
    /// <remarks>Feed it to a KDF (HKDF-SHA256) with a transcript; do not use it as a key directly.</remarks>
    /// <exception cref="ObjectDisposedException">The key was disposed.</exception>
    public byte[] Ecdh(PrivateKey key, PublicKey peer)
    {
        var secret = new byte[Secp256k1Native.SharedSecretSize];
        if (!Secp256k1Native.Ecdh(_context, secret, peer.Native, key.Secret))
        {
            throw new CryptographicException("secp256k1 ECDH failed (the key was cleared while in use)");
        }

        return secret;
    }

    /// <summary>Releases the context. Has no effect on <see cref="Shared"/>, which lives as long as the process.</summary>
    public void Dispose()
    {
        if (!ReferenceEquals(this, SharedInstance.IsValueCreated ? SharedInstance.Value : null))
        {
            _context.Dispose();
        }
    }

    internal bool TryParsePublicKey(ReadOnlySpan<byte> bytes, [NotNullWhen(true)] out PublicKey? key)
    {
        key = null;
        if (!Secp256k1Native.PublicKeyParse(_context, out var native, bytes))
        {
            return false;
        }

        key = CreatePublicKey(native);
        return true;
    }

    internal PublicKey DerivePublicKey(ReadOnlySpan<byte> secretKey)
    {
        if (!Secp256k1Native.PublicKeyCreate(_context, out var native, secretKey))
        {
            throw new ArgumentException("secret key is not in [1, n-1]", nameof(secretKey));
        }

        return CreatePublicKey(native);
    }

    private PublicKey CreatePublicKey(in Secp256k1Native.PublicKeyData native)
    {
        var compressed = new byte[PublicKey.CompressedSize];
        var uncompressed = new byte[PublicKey.UncompressedSize];
        Secp256k1Native.PublicKeySerialize(_context, compressed, native);
        Secp256k1Native.PublicKeySerialize(_context, uncompressed, native);
        return new PublicKey(native, compressed, uncompressed);
    }
}
