using System.Buffers.Binary;
using DaiChain.Consensus.Wal;
using DaiChain.Ledger.Encoding;

namespace DaiChain.Consensus.Signing;

/// <summary>
/// <see cref="ISignerStateStore"/> in one file of two fixed 512-byte slots written in turn. Each slot holds
/// <c>u32 length</c>, <c>u64 sequence</c>, the state's encoding and a CRC-32C over all of it; the valid slot with
/// the higher sequence is the state.
/// </summary>
/// <remarks>
/// A save overwrites the older slot and fsyncs the file, so a crash mid-write damages at most the slot being
/// written and the previous state stays readable: the guard can lose only a signature it never released.
/// No rename and no directory sync are involved.
/// </remarks>
public sealed class FileSignerStateStore : ISignerStateStore, IDisposable
{
    private const int SlotSize = 512;
    private const int SlotHeader = 12;

    private readonly FileStream _file;
    private ulong _sequence;

    public FileSignerStateStore(string path)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        _file = new FileStream(full, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        if (_file.Length < 2 * SlotSize)
        {
            _file.SetLength(2 * SlotSize);
            _file.Flush(flushToDisk: true);
        }

        // Learn the current sequence, so that the first save never overwrites the newest slot.
        Load();
    }

    public SignerState? Load()
    {
        SignerState? best = null;
        ulong bestSequence = 0;
        for (var slot = 0; slot < 2; slot++)
        {
            if (TryReadSlot(slot, out var sequence, out var state) && (best is null || sequence > bestSequence))
            {
                best = state;
                bestSequence = sequence;
            }
        }

        _sequence = bestSequence;
        return best;
    }

    public void Save(SignerState state)
    {
        var payload = Canonical.Encode(state);
        if (SlotHeader + payload.Length + 4 > SlotSize)
        {
            throw new ArgumentException("signer state does not fit a slot", nameof(state));
        }

        var sequence = _sequence + 1;
        var slot = new byte[SlotSize];
        BinaryPrimitives.WriteUInt32BigEndian(slot, (uint)payload.Length);
        BinaryPrimitives.WriteUInt64BigEndian(slot.AsSpan(4), sequence);
        payload.CopyTo(slot.AsSpan(SlotHeader));
        var end = SlotHeader + payload.Length;
        BinaryPrimitives.WriteUInt32BigEndian(slot.AsSpan(end), WalFraming.Checksum(slot.AsSpan(0, end), default));
        _file.Position = (long)(sequence % 2) * SlotSize;
        _file.Write(slot);
        _file.Flush(flushToDisk: true);
        _sequence = sequence;
    }

    public void Dispose() => _file.Dispose();

    private bool TryReadSlot(int slot, out ulong sequence, out SignerState? state)
    {
        sequence = 0;
        state = null;
        var bytes = new byte[SlotSize];
        _file.Position = (long)slot * SlotSize;
        _file.ReadExactly(bytes);
        var length = BinaryPrimitives.ReadUInt32BigEndian(bytes);
        if (length == 0 || length > SlotSize - SlotHeader - 4)
        {
            return false;
        }

        var end = SlotHeader + (int)length;
        if (BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(end)) != WalFraming.Checksum(bytes.AsSpan(0, end), default))
        {
            return false;
        }

        try
        {
            state = Canonical.Decode<SignerState>(bytes.AsSpan(SlotHeader, (int)length));
        }
        catch (CodecException)
        {
            return false;
        }

        sequence = BinaryPrimitives.ReadUInt64BigEndian(bytes.AsSpan(4));
        return true;
    }
}
