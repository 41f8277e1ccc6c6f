using System.Buffers.Binary;
using System.Numerics;

namespace DaiChain.Consensus.Wal;

/// <summary>
/// The frame around every write-ahead-log record: <c>u32 length</c>, <c>u32 CRC-32C</c>, then <c>length</c> payload
/// bytes; integers big-endian. The checksum covers the four length bytes and the payload.
/// </summary>
/// <remarks>
/// CRC-32C (Castagnoli, the polynomial of iSCSI, ext4 and RocksDB's log) is computed with
/// <see cref="BitOperations.Crc32C(uint, ulong)"/>, which uses the CPU's CRC instruction where there is one.
/// Covering the length means a flipped length bit is caught as corruption instead of being read as a huge frame.
/// </remarks>
public static class WalFraming
{
    /// <summary>Bytes before the payload.</summary>
    public const int HeaderSize = 8;

    /// <summary>The largest payload: a full block (64 MiB) plus room for the record around it.</summary>
    public const int MaxPayloadBytes = (64 * 1024 * 1024) + (1024 * 1024);

    /// <summary>The framed form of <paramref name="payload"/>.</summary>
    public static byte[] Frame(ReadOnlySpan<byte> payload)
    {
        if (payload.Length > MaxPayloadBytes)
        {
            throw new ArgumentException($"a WAL record is at most {MaxPayloadBytes} bytes, got {payload.Length}", nameof(payload));
        }

        var frame = new byte[HeaderSize + payload.Length];
        BinaryPrimitives.WriteUInt32BigEndian(frame, (uint)payload.Length);
        payload.CopyTo(frame.AsSpan(HeaderSize));
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(4), Checksum(frame.AsSpan(0, 4), payload));
        return frame;
    }

    /// <summary>Reads the frame at the start of <paramref name="input"/>.</summary>
    /// <param name="input">The bytes from the frame's first byte to the end of the log.</param>
    /// <param name="payload">The payload, on <see cref="WalFrameStatus.Complete"/>.</param>
    /// <param name="frameLength">Header plus payload length, on <see cref="WalFrameStatus.Complete"/>.</param>
    public static WalFrameStatus TryRead(ReadOnlySpan<byte> input, out ReadOnlySpan<byte> payload, out int frameLength)
    {
        payload = default;
        frameLength = 0;
        if (input.Length < HeaderSize)
        {
            return WalFrameStatus.Incomplete;
        }

        var length = BinaryPrimitives.ReadUInt32BigEndian(input);
        var checksum = BinaryPrimitives.ReadUInt32BigEndian(input[4..]);
        if (length > MaxPayloadBytes)
        {
            return WalFrameStatus.Corrupt;
        }

        if (input.Length - HeaderSize < length)
        {
            return WalFrameStatus.Incomplete;
        }

        var body = input.Slice(HeaderSize, (int)length);
        if (Checksum(input[..4], body) != checksum)
        {
            return WalFrameStatus.Corrupt;
        }

        payload = body;
        frameLength = HeaderSize + (int)length;
        return WalFrameStatus.Complete;
    }

    /// <summary>CRC-32C (reflected, initial and final XOR 0xFFFFFFFF) of <paramref name="first"/> then <paramref name="second"/>.</summary>
    public static uint Checksum(ReadOnlySpan<byte> first, ReadOnlySpan<byte> second)
    {
        var crc = 0xFFFFFFFFu;
        crc = Update(crc, first);
        crc = Update(crc, second);
        return ~crc;
    }

    private static uint Update(uint crc, ReadOnlySpan<byte> data)
    {
        while (data.Length >= 8)
        {
            crc = BitOperations.Crc32C(crc, BinaryPrimitives.ReadUInt64LittleEndian(data));
            data = data[8..];
        }

        foreach (var b in data)
        {
            crc = BitOperations.Crc32C(crc, b);
        }

        return crc;
    }
}
