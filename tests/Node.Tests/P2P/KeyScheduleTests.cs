using DaiChain.Ledger.Crypto;
using DaiChain.Ledger.Primitives;
using DaiChain.Node.P2P;

namespace DaiChain.Node.Tests.P2P;

/// <summary>
/// Known answers computed independently (Python hashlib/hmac for SHA-256 and HKDF, the <c>cryptography</c> package for
/// ChaCha20-Poly1305 and secp256k1 points) from the byte layouts in docs/spec/p2p.md.
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
    public void Fixed_ephemeral_keys_give_the_known_secret_and_direction_keys()
    {
        using var a = new Secp256k1EphemeralKey(PrivateKey.FromBytes(Enumerable.Repeat((byte)0x11, 32).ToArray()), Secp256k1.Shared);
        using var b = new Secp256k1EphemeralKey(PrivateKey.FromBytes(Enumerable.Repeat((byte)0x22, 32).ToArray()), Secp256k1.Shared);
        Assert.Equal("034f355bdcb7cc0af728ef3cceb9615d90684bb5b2ca5f859ab0f0b704075871aa", Hex.Encode(a.PublicKey));
        Assert.Equal("02466d7fcae563e5cb09a0d1870bb580344804617879a14949cf22285f1bae3f27", Hex.Encode(b.PublicKey));

        var fromA = new byte[32];
        var fromB = new byte[32];
        Assert.True(a.TryDeriveSharedSecret(b.PublicKey, fromA));
        Assert.True(b.TryDeriveSharedSecret(a.PublicKey, fromB));
        Assert.Equal("b36b6d195982c5be874d6d542dc268234379e1ae4ff1709402135b7de5cf0766", Hex.Encode(fromA));
        Assert.Equal(fromA, fromB);

        Assert.False(KeySchedule.IsLowSide(a.PublicKey, b.PublicKey));
        var secrets = KeySchedule.Derive(fromA, HandshakeHello.Create("daichain-kat", b.PublicKey).Encoded, HandshakeHello.Create("daichain-kat", a.PublicKey).Encoded);
        Assert.Equal("8261f7e35276afef1d72a2a7657dabb5cfc45a63238a2a8dee8ed9b35316c72b", Hex.Encode(secrets.HelloTranscript));
        Assert.Equal("3f32a2d9cb62023c2b00d50a281c78edae000167a07d4ede52f2c5efa2d9fe4b", Hex.Encode(secrets.LowToHighKey));
        Assert.Equal("f87303320091581d2cba7221cb99c50a06e4ec4d9f41b03c978ea4637b3436dc", Hex.Encode(secrets.HighToLowKey));
    }

    [Fact]
    public void An_invalid_remote_ephemeral_key_gives_no_secret()
    {
        using var a = new Secp256k1EphemeralKey(PrivateKey.FromBytes(Enumerable.Repeat((byte)0x11, 32).ToArray()), Secp256k1.Shared);
        byte[] offCurve = [0x02, .. Enumerable.Repeat((byte)0xff, 32)];

        Assert.False(a.TryDeriveSharedSecret(offCurve, new byte[32]));
        Assert.False(a.TryDeriveSharedSecret(new byte[33], new byte[32]));
    }
}
