using DaiChain.Consensus.Wal;

namespace DaiChain.Consensus.Tests.Wal;

public class WalFramingTests
{
    [Fact]
    public void Frame_round_trips()
    {
        byte[] payload = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
        var frame = WalFraming.Frame(payload);
        Assert.Equal(WalFrameStatus.Complete, WalFraming.TryRead(frame, out var read, out var length));
        Assert.Equal(payload, read.ToArray());
        Assert.Equal(frame.Length, length);
    }

    [Fact]
    public void Empty_payload_is_a_valid_frame()
    {
        var frame = WalFraming.Frame([]);
        Assert.Equal(WalFrameStatus.Complete, WalFraming.TryRead(frame, out var read, out _));
        Assert.Equal(0, read.Length);
    }

    [Fact]
    public void Every_single_bit_flip_is_detected()
    {
        var frame = WalFraming.Frame([0xDE, 0xAD, 0xBE, 0xEF, 0x01]);
        for (var i = 0; i < frame.Length * 8; i++)
        {
            var copy = (byte[])frame.Clone();
            copy[i / 8] ^= (byte)(1 << (i % 8));
            Assert.NotEqual(WalFrameStatus.Complete, WalFraming.TryRead(copy, out _, out _));
        }
    }

    [Fact]
    public void Every_strict_prefix_is_incomplete()
    {
        var frame = WalFraming.Frame([9, 8, 7, 6, 5]);
        for (var i = 0; i < frame.Length; i++)
        {
            Assert.Equal(WalFrameStatus.Incomplete, WalFraming.TryRead(frame.AsSpan(0, i), out _, out _));
        }
    }

    [Fact]
    public void Checksum_is_crc32c()
    {
        // The CRC-32C check value: "123456789" gives 0xE3069283.
        Assert.Equal(0xE3069283u, WalFraming.Checksum("123456789"u8, default));
    }

    [Fact]
    public void Impossible_length_is_corrupt()
    {
        var frame = WalFraming.Frame([1]);
        frame[0] = 0xFF;
        Assert.Equal(WalFrameStatus.Corrupt, WalFraming.TryRead(frame, out _, out _));
    }
}
