using System.Buffers.Binary;
using DaiChain.Node.P2P;

namespace DaiChain.Node.Tests.P2P;

public class FrameCodecTests
{
    private static readonly byte[] Key = Enumerable.Range(0, 32).Select(i => (byte)(i * 3)).ToArray();

    [Fact]
    public void Decodes_a_message_fragment()
    {
        var frame = new byte[FrameCodec.MessageHeaderBytes + 3];
        FrameCodec.WriteMessageHeader(frame, ChannelId.Mempool, isLast: true);
        "abc"u8.CopyTo(frame.AsSpan(3));

        var decoded = FrameCodec.Decode(frame);

        Assert.Equal(FrameKind.Message, decoded.Kind);
        Assert.Equal(ChannelId.Mempool, decoded.Channel);
        Assert.True(decoded.IsLast);
        Assert.Equal("abc"u8.ToArray(), decoded.Data.ToArray());
    }

    [Fact]
    public void Decodes_ping_and_pong()
    {
        Assert.Equal(FrameKind.Ping, FrameCodec.Decode([0x02]).Kind);
        Assert.Equal(FrameKind.Pong, FrameCodec.Decode([0x03]).Kind);
    }

    [Theory]
    [InlineData(new byte[0], "empty frame")]
    [InlineData(new byte[] { 0x09 }, "unknown frame kind")]
    [InlineData(new byte[] { 0x10, 0x02 }, "unknown frame kind")]
    [InlineData(new byte[] { 0x02, 0x00 }, "trailing bytes")]
    [InlineData(new byte[] { 0x01, 0x01 }, "shorter than its header")]
    [InlineData(new byte[] { 0x01, 0x01, 0x02, 0xff }, "unknown flags")]
    [InlineData(new byte[] { 0x01, 0x01, 0x00 }, "empty non-final fragment")]
    public void Rejects_malformed_frames(byte[] frame, string problem)
    {
        var e = Assert.Throws<P2PProtocolException>(() => FrameCodec.Decode(frame));
        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Accepts_an_empty_final_fragment_as_an_empty_message()
    {
        var decoded = FrameCodec.Decode([0x01, (byte)ChannelId.Status, 0x01]);

        Assert.True(decoded.IsLast);
        Assert.True(decoded.Data.IsEmpty);
    }

    [Fact]
    public void Sealed_frame_opens_under_the_same_key_and_counter()
    {
        using var sender = new FrameCipher(Key);
        using var receiver = new FrameCipher(Key);
        var wire = new byte[100];
        var length = sender.Seal("payload"u8, wire);

        var plaintext = new byte[100];
        Assert.True(receiver.TryOpen(wire.AsSpan(0, 4), wire.AsSpan(4, length - 4), plaintext));
        Assert.Equal("payload"u8.ToArray(), plaintext.AsSpan(0, 7).ToArray());
        Assert.Equal(FrameCipher.WireLength(7), length);
    }

    [Fact]
    public void A_flipped_ciphertext_bit_fails_authentication()
    {
        using var sender = new FrameCipher(Key);
        using var receiver = new FrameCipher(Key);
        var wire = new byte[100];
        var length = sender.Seal("payload"u8, wire);
        wire[6] ^= 0x01;

        Assert.False(receiver.TryOpen(wire.AsSpan(0, 4), wire.AsSpan(4, length - 4), new byte[100]));
    }

    [Fact]
    public void The_length_prefix_is_authenticated()
    {
        using var sender = new FrameCipher(Key);
        using var receiver = new FrameCipher(Key);
        var wire = new byte[100];
        var length = sender.Seal("payload"u8, wire);
        var otherPrefix = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(otherPrefix, (uint)(length - 4 + 1));

        Assert.False(receiver.TryOpen(otherPrefix, wire.AsSpan(4, length - 4), new byte[100]));
    }

    [Fact]
    public void A_replayed_or_reordered_frame_fails_because_the_counter_moved_on()
    {
        using var sender = new FrameCipher(Key);
        using var receiver = new FrameCipher(Key);
        var first = new byte[100];
        var second = new byte[100];
        var firstLength = sender.Seal("one"u8, first);
        var secondLength = sender.Seal("two"u8, second);

        Assert.False(receiver.TryOpen(second.AsSpan(0, 4), second.AsSpan(4, secondLength - 4), new byte[100]));
        using var fresh = new FrameCipher(Key);
        Assert.True(fresh.TryOpen(first.AsSpan(0, 4), first.AsSpan(4, firstLength - 4), new byte[100]));
        Assert.False(fresh.TryOpen(first.AsSpan(0, 4), first.AsSpan(4, firstLength - 4), new byte[100]));
    }

    [Fact]
    public void A_frame_under_another_key_fails()
    {
        using var sender = new FrameCipher(Key);
        using var receiver = new FrameCipher(new byte[32]);
        var wire = new byte[100];
        var length = sender.Seal("payload"u8, wire);

        Assert.False(receiver.TryOpen(wire.AsSpan(0, 4), wire.AsSpan(4, length - 4), new byte[100]));
    }

    [Theory]
    [InlineData(0u)]
    [InlineData(16u)]
    [InlineData((uint)FrameCodec.MaxSealedBytes + 1)]
    [InlineData(uint.MaxValue)]
    public async Task Reader_refuses_a_length_outside_the_bounds_before_reading_the_body(uint length)
    {
        var prefix = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(prefix, length);
        using var stream = new MemoryStream(prefix);
        using var cipher = new FrameCipher(Key);
        var reader = new FrameReader(stream);

        var e = await Assert.ThrowsAsync<P2PProtocolException>(() => reader.ReadFrameAsync(cipher, FrameCodec.MaxPlaintextBytes, default).AsTask());
        Assert.Equal(ProtocolViolation.FrameLength, e.Violation);
    }

    [Fact]
    public async Task Reader_decrypts_consecutive_frames_from_one_buffer()
    {
        using var sender = new FrameCipher(Key);
        using var receiver = new FrameCipher(Key);
        var wire = new byte[FrameCodec.MaxWireBytes * 3];
        var length = 0;
        var big = new byte[FrameCodec.MaxPlaintextBytes];
        new Random(1).NextBytes(big);
        length += sender.Seal("first"u8, wire.AsSpan(length));
        length += sender.Seal(big, wire.AsSpan(length));
        length += sender.Seal("third"u8, wire.AsSpan(length));
        using var stream = new MemoryStream(wire, 0, length);
        var reader = new FrameReader(stream);

        Assert.Equal("first"u8.ToArray(), (await reader.ReadFrameAsync(receiver, FrameCodec.MaxPlaintextBytes, default)).ToArray());
        Assert.Equal(big, (await reader.ReadFrameAsync(receiver, FrameCodec.MaxPlaintextBytes, default)).ToArray());
        Assert.Equal("third"u8.ToArray(), (await reader.ReadFrameAsync(receiver, FrameCodec.MaxPlaintextBytes, default)).ToArray());
        await Assert.ThrowsAsync<EndOfStreamException>(() => reader.ReadFrameAsync(receiver, FrameCodec.MaxPlaintextBytes, default).AsTask());
    }

    [Fact]
    public void Assembler_joins_fragments_and_enforces_the_channel_bound()
    {
        var assembler = new MessageAssembler(new ChannelDescriptor(ChannelId.BlockSync, 1, 10, 10, MaxMessageBytes: 10));

        Assert.Null(assembler.Add("abcd"u8, isLast: false));
        Assert.Equal("abcdefg"u8.ToArray(), assembler.Add("efg"u8, isLast: true));
        Assert.Equal("xyz"u8.ToArray(), assembler.Add("xyz"u8, isLast: true));

        Assert.Null(assembler.Add("123456"u8, isLast: false));
        var e = Assert.Throws<P2PProtocolException>(() => assembler.Add("78901"u8, isLast: true));
        Assert.Equal(ProtocolViolation.MessageTooLarge, e.Violation);
    }
}
