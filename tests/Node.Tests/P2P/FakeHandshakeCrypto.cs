using System.Collections.Concurrent;
using System.Numerics;
using System.Security.Cryptography;
using DaiChain.Node.P2P;

namespace DaiChain.Node.Tests.P2P;

/// <summary>
/// A stand-in for the secp256k1 port in tests that need no real curve: Diffie-Hellman is modular exponentiation
/// (commutative, so both sides agree on the secret), and a "signature" is an HMAC under a secret that the verifier
/// finds by the signer's id in a shared registry. A signature made with another key or over another payload fails,
/// which is all the transport's tests need from it.
/// </summary>
public sealed class FakeHandshakeCrypto : IHandshakeCrypto
{
    private static readonly BigInteger Modulus = BigInteger.Pow(2, 255) - 19;
    private readonly ConcurrentDictionary<PeerId, byte[]> _secrets = new();

    public FakeNodeIdentity CreateIdentity(int index)
    {
        var secret = SHA256.HashData(BitConverter.GetBytes(index));
        var key = new byte[PeerId.Size];
        key[0] = 0x02;
        SHA256.HashData(secret).CopyTo(key, 1);
        var id = new PeerId(key);
        _secrets[id] = secret;
        return new FakeNodeIdentity(id, secret);
    }

    public IEphemeralKey CreateEphemeralKey() => new FakeEphemeralKey(RandomNumberGenerator.GetBytes(32));

    /// <summary>An ephemeral key with a fixed secret (known-answer tests).</summary>
    public static IEphemeralKey FixedEphemeralKey(byte[] secret) => new FakeEphemeralKey(secret);

    public bool IsValidPublicKey(ReadOnlySpan<byte> compressedPublicKey) => PeerId.IsWellFormed(compressedPublicKey);

    public bool VerifyHandshake(PeerId signer, string chainId, ReadOnlySpan<byte> payload, ReadOnlySpan<byte> signature) =>
        _secrets.TryGetValue(signer, out var secret) && CryptographicOperations.FixedTimeEquals(Sign(secret, chainId, payload), signature);

    internal static byte[] Sign(byte[] secret, string chainId, ReadOnlySpan<byte> payload)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, secret);
        hmac.AppendData("handshake"u8);
        hmac.AppendData(System.Text.Encoding.UTF8.GetBytes(chainId));
        hmac.AppendData(payload);
        return hmac.GetHashAndReset();
    }

    private sealed class FakeEphemeralKey : IEphemeralKey
    {
        private readonly BigInteger _secret;
        private readonly byte[] _public = new byte[PeerId.Size];

        public FakeEphemeralKey(byte[] secret)
        {
            _secret = new BigInteger(secret, isUnsigned: true, isBigEndian: true);
            _public[0] = 0x02;
            Write32(BigInteger.ModPow(2, _secret, Modulus), _public.AsSpan(1));
        }

        public ReadOnlySpan<byte> PublicKey => _public;

        public bool TryDeriveSharedSecret(ReadOnlySpan<byte> remotePublicKey, Span<byte> sharedSecret)
        {
            var remote = new BigInteger(remotePublicKey[1..], isUnsigned: true, isBigEndian: true);
            var point = new byte[32];
            Write32(BigInteger.ModPow(remote, _secret, Modulus), point);
            SHA256.HashData(point, sharedSecret);
            return true;
        }

        public void Dispose()
        {
        }

        private static void Write32(BigInteger value, Span<byte> destination)
        {
            destination[..32].Clear();
            value.TryWriteBytes(destination[(32 - value.GetByteCount(isUnsigned: true))..32], out _, isUnsigned: true, isBigEndian: true);
        }
    }
}
