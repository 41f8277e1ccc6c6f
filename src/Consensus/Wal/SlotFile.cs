using System.Buffers.Binary;

namespace DaiChain.Consensus.Wal;

/// <summary>
/// One small record kept durably in a file of two fixed-size slots written in turn. Each slot holds
/// <c>u32 length</c>, <c>u64 sequence</c>, the record and a CRC-32C over all of it; the valid slot with the higher
/// sequence is the record.
/// </summary>
/// <remarks>
/// A save overwrites the older slot and fsyncs the file, so a crash in the middle of a save damages at most the
/// slot being written and the previous record stays readable. No rename and no directory sync are involved.
/// </remarks>
public sealed class SlotFile : IDisposable
{
    private const int Header = 12;

    private readonly FileStream _file;
    private readonly int _slotSize;
    private ulong _sequence;

    public SlotFile(string path, int slotSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(slotSize, 64);
        _slotSize = slotSize;
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        _file = new FileStream(full, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        if (_file.Length < 2L * slotSize)
        {
            _file.SetLength(2L * slotSize);
            _file.Flush(flushToDisk: true);
        }

        // Learn the current sequence, so that the first save never overwrites the newest slot.
        Read();
    }

    /// <summary>The largest record a slot holds.</summary>
    public int MaxRecordBytes => _slotSize - Header - 4;

    /// <summary>The newest intact record, or null when none was ever saved (or both slots are damaged).</summary>
    public byte[]? Read()
    {
        byte[]? best = null;
        ulong bestSequence = 0;
        for (var slot = 0; slot < 2; slot++)
        {
            if (TryReadSlot(slot, out var sequence, out var record) && (best is null || sequence > bestSequence))
            {
                best = record;
                bestSequence = sequence;
            }
        }

        _sequence = bestSequence;
        return best;
    }

    /// <summary>Replaces the record; returns once it is durable.</summary>
    public void Write(ReadOnlySpan<byte> record)
    {
        if (record.Length > MaxRecordBytes)
        {
            throw new ArgumentException($"a record is at most {MaxRecordBytes} bytes, got {record.Length}", nameof(record));
        }

        var sequence = _sequence + 1;
        var slot = new byte[_slotSize];
        BinaryPrimitives.WriteUInt32BigEndian(slot, (uint)record.Length);
        BinaryPrimitives.WriteUInt64BigEndian(slot.AsSpan(4), sequence);
        record.CopyTo(slot.AsSpan(Header));
        var end = Header + record.Length;
        BinaryPrimitives.WriteUInt32BigEndian(slot.AsSpan(end), WalFraming.Checksum(slot.AsSpan(0, end), default));
        _file.Position = (long)(sequence % 2) * _slotSize;
        _file.Write(slot);
        _file.Flush(flushToDisk: true);
        _sequence = sequence;
    }

    public void Dispose() => _file.Dispose();

    private bool TryReadSlot(int slot, out ulong sequence, out byte[]? record)
    {
        sequence = 0;
        record = null;
        var bytes = new byte[_slotSize];
        _file.Position = (long)slot * _slotSize;
        _file.ReadExactly(bytes);
        var length = BinaryPrimitives.ReadUInt32BigEndian(bytes);
        if (length == 0 || length > MaxRecordBytes)
        {
            return false;
        }

        var end = Header + (int)length;
        if (BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(end)) != WalFraming.Checksum(bytes.AsSpan(0, end), default))
        {
            return false;
        }

        sequence = BinaryPrimitives.ReadUInt64BigEndian(bytes.AsSpan(4));
        record = bytes[Header..end];
        return true;
    }
}
