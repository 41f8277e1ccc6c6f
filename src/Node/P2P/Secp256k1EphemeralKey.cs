using System.Security.Cryptography;
using DaiChain.Ledger.Crypto;

namespace DaiChain.Node.P2P;

/// <summary>A handshake's ephemeral secp256k1 key pair; owns the private key and erases it on dispose.</summary>
internal sealed class Secp256k1EphemeralKey : IEphemeralKey
{
    private readonly PrivateKey _key;
    private readonly Secp256k1 _secp256k1;
    private readonly byte[] _publicKey;

    /// <param name="key">Owned from now on: disposed with this instance.</param>
    /// <param name="secp256k1">The library context for ECDH.</param>
    public Secp256k1EphemeralKey(PrivateKey key, Secp256k1 secp256k1)
    {
        _key = key;
        _secp256k1 = secp256k1;
        _publicKey = key.PublicKey.Compressed.ToArray();
    }

    public ReadOnlySpan<byte> PublicKey => _publicKey;

    public bool TryDeriveSharedSecret(ReadOnlySpan<byte> remotePublicKey, Span<byte> sharedSecret)
    {
        if (!PeerId.IsWellFormed(remotePublicKey) || !Ledger.Crypto.PublicKey.TryParse(remotePublicKey, out var remote))
        {
            return false;
        }

        var secret = _secp256k1.Ecdh(_key, remote);
        try
        {
            secret.CopyTo(sharedSecret);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secret);
        }

        return true;
    }

    public void Dispose() => _key.Dispose();
}
