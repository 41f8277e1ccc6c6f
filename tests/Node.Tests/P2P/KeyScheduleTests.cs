using DaiChain.Ledger.Primitives;
using DaiChain.Node.P2P;

namespace DaiChain.Node.Tests.P2P;

/// <summary>
/// Known answers computed independently (Python hashlib/hmac for SHA-256 and HKDF, the <c>cryptography</c> package for
/// ChaCha20-Poly1305) from the byte layouts in docs/spec/p2p.md.
/// </summary>
public class KeyScheduleTests
{
    private static readonly byte[] SharedSecret = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
    private static readonly byte[] LowEphemeral = [0x02, .. Enumerable.Repeat((byte)0x11, 32)];
    private static readonly byte[] HighEphemeral = [0x03, .. Enumerable.Repeat((byte)0x22, 32)];

    private static HandshakeHello LowHello => HandshakeHello.Create("daichain-kat", LowEphemeral);

    private static HandshakeHello HighHello => HandshakeHello.Create("daichain-kat", HighEphemeral);

    [Fact]
    public void Hello_encodes_magic_version_chain_id_and_ephemeral_key()
    {
        Assert.Equal(
            "44435032010c646169636861696e2d6b6174021111111111111111111111111111111111111111111111111111111111111111",
            Hex.Encode(LowHello.Encoded));
    }

    [Fact]
    public void Fixed_secret_and_hellos_give_fixed_direction_keys()
    {
        var secrets = KeySchedule.Derive(SharedSecret, LowHello.Encoded, HighHello.Encoded);

        Assert.Equal("8d2bc0d6e5b609ac5d9f93cc29a387be514c32d923eb73f97fe2dcc190c5aa9a", Hex.Encode(secrets.HelloTranscript));
        Assert.Equal("c546d591c1d825fa5d2ba99b3085621a452a2624be501612b59c265a03b4a7c0", Hex.Encode(secrets.LowToHighKey));
        Assert.Equal("bc8f78af7e397a88494b8d5bc6f521a39122a7258a00280573e59601aa977604", Hex.Encode(secrets.HighToLowKey));
    }

    [Fact]
    public void Auth_transcript_binds_both_node_keys_in_side_order()
    {
        var th1 = Hex.Decode("8d2bc0d6e5b609ac5d9f93cc29a387be514c32d923eb73f97fe2dcc190c5aa9a");
        var low = new PeerId([0x02, .. Enumerable.Repeat((byte)0xaa, 32)]);
        var high = new PeerId([0x03, .. Enumerable.Repeat((byte)0xbb, 32)]);

        var th2 = KeySchedule.AuthTranscript(th1, low, high);

        Assert.Equal("b7fad3ff010f175a4a8d53a038839f39c1aac325e066d3a69bb0ab32cd162738", Hex.Encode(th2));
        Assert.NotEqual(th2, KeySchedule.AuthTranscript(th1, high, low));
    }

    [Fact]
    public void Sign_payload_ends_with_the_signers_side_so_signatures_cannot_be_reflected()
    {
        var th2 = new byte[32];

        Assert.Equal(0x00, KeySchedule.SignPayload(th2, signerIsLow: true)[32]);
        Assert.Equal(0x01, KeySchedule.SignPayload(th2, signerIsLow: false)[32]);
        Assert.Equal(33, KeySchedule.SignPayload(th2, signerIsLow: true).Length);
    }

    [Fact]
    public void Sides_are_ordered_by_ephemeral_key_and_equal_keys_are_refused()
    {
        Assert.True(KeySchedule.IsLowSide(LowEphemeral, HighEphemeral));
        Assert.False(KeySchedule.IsLowSide(HighEphemeral, LowEphemeral));
        var e = Assert.Throws<HandshakeException>(() => KeySchedule.IsLowSide(LowEphemeral, LowEphemeral));
        Assert.Equal(HandshakeFailure.InvalidKey, e.Failure);
    }

    [Fact]
    public void First_frames_under_the_low_to_high_key_match_the_known_ciphertext()
    {
        using var cipher = new FrameCipher(Hex.Decode("c546d591c1d825fa5d2ba99b3085621a452a2624be501612b59c265a03b4a7c0"));
        var wire = new byte[64];

        var first = cipher.Seal([0x01, 0x01, 0x01, .. "kat"u8], wire);
        Assert.Equal("00000016aa0f638e50be3264f0fe40d44cb90654a6246419e1ca", Hex.Encode(wire.AsSpan(0, first)));

        var second = cipher.Seal([0x02], wire);
        Assert.Equal("000000112af72e30ce1042e1e2d6a293814588545c", Hex.Encode(wire.AsSpan(0, second)));
    }

    [Fact]
    public void Both_sides_derive_the_same_keys_from_the_same_secret()
    {
        using var a = FakeHandshakeCrypto.FixedEphemeralKey(Enumerable.Repeat((byte)7, 32).ToArray());
        using var b = FakeHandshakeCrypto.FixedEphemeralKey(Enumerable.Repeat((byte)9, 32).ToArray());
        var secretA = new byte[32];
        var secretB = new byte[32];
        Assert.True(a.TryDeriveSharedSecret(b.PublicKey, secretA));
        Assert.True(b.TryDeriveSharedSecret(a.PublicKey, secretB));
        Assert.Equal(secretA, secretB);

        var aIsLow = KeySchedule.IsLowSide(a.PublicKey, b.PublicKey);
        var helloA = HandshakeHello.Create("c", a.PublicKey).Encoded;
        var helloB = HandshakeHello.Create("c", b.PublicKey).Encoded;
        var fromA = aIsLow ? KeySchedule.Derive(secretA, helloA, helloB) : KeySchedule.Derive(secretA, helloB, helloA);
        var fromB = aIsLow ? KeySchedule.Derive(secretB, helloA, helloB) : KeySchedule.Derive(secretB, helloB, helloA);

        Assert.Equal(fromA.LowToHighKey, fromB.LowToHighKey);
        Assert.Equal(fromA.HighToLowKey, fromB.HighToLowKey);
        Assert.NotEqual(fromA.LowToHighKey, fromA.HighToLowKey);
    }
}
