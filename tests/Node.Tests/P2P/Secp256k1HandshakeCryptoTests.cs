using DaiChain.Ledger.Crypto;
using DaiChain.Node.P2P;

namespace DaiChain.Node.Tests.P2P;

public class Secp256k1HandshakeCryptoTests
{
    private const string Chain = "daichain-test";
    private static readonly byte[] Payload = [.. Enumerable.Range(0, 33).Select(i => (byte)i)];
    private readonly Secp256k1HandshakeCrypto _crypto = TestIdentities.Crypto;

    [Fact]
    public void A_handshake_signature_verifies_under_the_signers_id_only()
    {
        var signer = TestIdentities.Node(1);
        var signature = signer.SignHandshake(Chain, Payload);

        Assert.Equal(RecoverableSignature.Size, signature.Length);
        Assert.True(_crypto.VerifyHandshake(signer.Id, Chain, Payload, signature));
        Assert.False(_crypto.VerifyHandshake(TestIdentities.Node(2).Id, Chain, Payload, signature));
    }

    [Fact]
    public void A_signature_over_other_bytes_or_another_chain_fails()
    {
        var signer = TestIdentities.Node(1);
        var signature = signer.SignHandshake(Chain, Payload);
        var other = (byte[])Payload.Clone();
        other[^1] ^= 1;

        Assert.False(_crypto.VerifyHandshake(signer.Id, Chain, other, signature));
        Assert.False(_crypto.VerifyHandshake(signer.Id, "another-chain", Payload, signature));
    }

    [Fact]
    public void A_signature_from_another_domain_is_not_a_handshake_signature()
    {
        using var key = PrivateKey.FromSeed(TestIdentities.Seed, 1);
        var asTransaction = new InMemorySigner(key).Sign(SigningDomain.Transaction, Chain, Payload).ToArray();

        Assert.False(_crypto.VerifyHandshake(PeerId.FromPublicKey(key.PublicKey), Chain, Payload, asTransaction));
    }

    [Fact]
    public void Malformed_signatures_are_false_not_exceptions()
    {
        var signer = TestIdentities.Node(1);
        var signature = signer.SignHandshake(Chain, Payload);
        var flippedRecoveryId = (byte[])signature.Clone();
        flippedRecoveryId[64] ^= 1;

        Assert.False(_crypto.VerifyHandshake(signer.Id, Chain, Payload, signature.AsSpan(0, 64)));
        Assert.False(_crypto.VerifyHandshake(signer.Id, Chain, Payload, new byte[65]));
        Assert.False(_crypto.VerifyHandshake(signer.Id, Chain, Payload, flippedRecoveryId));
        Assert.False(_crypto.VerifyHandshake(default, Chain, Payload, signature));
    }

    [Fact]
    public void Only_compressed_curve_points_are_valid_node_keys()
    {
        using var key = PrivateKey.FromSeed(TestIdentities.Seed, 1);

        Assert.True(_crypto.IsValidPublicKey(key.PublicKey.Compressed));
        Assert.False(_crypto.IsValidPublicKey(key.PublicKey.Uncompressed));
        Assert.False(_crypto.IsValidPublicKey([0x02, .. Enumerable.Repeat((byte)0xff, 32)]));
        Assert.Equal(key.PublicKey, PeerId.FromPublicKey(key.PublicKey).ToPublicKey());
    }
}
