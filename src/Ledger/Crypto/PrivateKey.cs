using System.Security.Cryptography;
using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Primitives;

namespace DaiChain.Ledger.Crypto;

/// <summary>
/// A secp256k1 secret key: 32 bytes, big-endian, in [1, n-1]. The secret is never part of
/// <see cref="ToString"/>; <see cref="Dispose"/> overwrites it.
/// </summary>
/// <remarks>
/// The secret lives in a pinned array so the garbage collector never leaves stray copies of it when compacting.
/// </remarks>
public sealed class PrivateKey : IDisposable
{
    /// <summary>Size of the secret in bytes.</summary>
    public const int Size = 32;

    /// <summary>Largest seed accepted by <see cref="FromSeed"/>, in UTF-8 bytes.</summary>
    public const int MaxSeedBytes = 1024;

    /// <summary>Domain tag of <see cref="FromSeed"/>; part of the derivation, so changing it changes every dev key.</summary>
    public const string SeedDerivationTag = "daichain/dev-key/v1";

    // A uniformly random 32-byte string is out of range with probability about 2^-128; the bound only stops a broken RNG looping forever.
    private const int MaxAttempts = 16;

    private readonly byte[] _secret;
    private int _disposed;

    private PrivateKey(byte[] secret)
    {
        _secret = secret;
        PublicKey = Secp256k1.Shared.DerivePublicKey(secret);
    }

    /// <summary>The matching public key.</summary>
    public PublicKey PublicKey { get; }

    /// <summary>The address of <see cref="PublicKey"/>.</summary>
    public Address Address => PublicKey.Address;

    /// <summary>The secret, for the signer in this assembly only.</summary>
    /// <exception cref="ObjectDisposedException">The key was disposed.</exception>
    internal ReadOnlySpan<byte> Secret
    {
        get
        {
            ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
            return _secret;
        }
    }

    /// <summary>A new key from the operating system's cryptographic random number generator.</summary>
    public static PrivateKey Generate()
    {
        var secret = GC.AllocateArray<byte>(Size, pinned: true);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            RandomNumberGenerator.Fill(secret);
            if (Secp256k1Curve.IsValidScalar(secret))
            {
                return new PrivateKey(secret);
            }
        }

        throw new CryptographicException("the random number generator returned no valid secp256k1 key in 16 attempts");
    }

    /// <summary>Imports a 32-byte secret.</summary>
    /// <exception cref="ArgumentException">Not 32 bytes, or zero, or not below the curve order n.</exception>
    public static PrivateKey FromBytes(ReadOnlySpan<byte> secret)
    {
        if (secret.Length != Size)
        {
            throw new ArgumentException($"a private key is {Size} bytes, got {secret.Length}", nameof(secret));
        }

        if (!Secp256k1Curve.IsValidScalar(secret))
        {
            throw new ArgumentException("a private key must be in [1, n-1] (not zero, below the secp256k1 order)", nameof(secret));
        }

        var copy = GC.AllocateArray<byte>(Size, pinned: true);
        secret.CopyTo(copy);
        return new PrivateKey(copy);
    }

    /// <summary>
    /// A deterministic key for tests and local devnets: the first
    /// <c>SHA-256(str(tag) || str(seed) || u32(index) || u32(counter))</c>, counter = 0, 1, ..., that is in
    /// [1, n-1] (str = varint length + UTF-8, u32 big-endian; the canonical codec). Anyone who knows the seed
    /// knows the key: never use one on a chain that holds value.
    /// </summary>
    /// <exception cref="ArgumentException">Empty seed, seed over <see cref="MaxSeedBytes"/>, or negative index.</exception>
    public static PrivateKey FromSeed(string seed, int index)
    {
        if (string.IsNullOrEmpty(seed))
        {
            throw new ArgumentException("the seed must not be empty", nameof(seed));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var secret = GC.AllocateArray<byte>(Size, pinned: true);
        for (uint counter = 0; counter < MaxAttempts; counter++)
        {
            var writer = new CanonicalWriter(256);
            try
            {
                writer.WriteString(SeedDerivationTag, SeedDerivationTag.Length);
                writer.WriteString(seed, MaxSeedBytes);
                writer.WriteUInt32((uint)index);
                writer.WriteUInt32(counter);
                SHA256.HashData(writer.WrittenSpan, secret);
            }
            finally
            {
                writer.Dispose();
            }

            if (Secp256k1Curve.IsValidScalar(secret))
            {
                return new PrivateKey(secret);
            }
        }

        throw new CryptographicException("no valid key derived from the seed in 16 attempts");
    }

    /// <summary>Signs a digest (RFC 6979, low-S). Sign domain-separated bytes through <see cref="ISigner"/> instead of building digests by hand.</summary>
    /// <exception cref="ObjectDisposedException">The key was disposed.</exception>
    public RecoverableSignature Sign(Hash256 digest) => Secp256k1.Shared.Sign(this, digest);

    /// <summary>A copy of the 32-byte secret, for encrypting it into a key file. The caller must clear it.</summary>
    /// <exception cref="ObjectDisposedException">The key was disposed.</exception>
    public byte[] ExportSecret() => Secret.ToArray();

    /// <summary>Names the key by its address; never shows the secret.</summary>
    public override string ToString() => $"PrivateKey({Address})";

    /// <summary>Overwrites the secret with zeros; later use throws <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            CryptographicOperations.ZeroMemory(_secret);
        }
    }
}
