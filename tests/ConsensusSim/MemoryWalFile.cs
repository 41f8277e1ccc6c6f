using DaiChain.Consensus.Wal;

namespace DaiChain.ConsensusSim;

/// <summary>
/// An in-memory <see cref="IWalFile"/> with crash semantics: synced bytes survive <see cref="Crash"/>, unsynced
/// bytes survive only as a chosen prefix (a torn write), and <see cref="Replace"/> is atomic.
/// </summary>
public sealed class MemoryWalFile : IWalFile
{
    private byte[] _durable = [];
    private readonly List<byte> _pending = [];

    /// <summary>Calls to <see cref="Append"/>, <see cref="Sync"/>, <see cref="Truncate"/> and <see cref="Replace"/>.</summary>
    public int Writes { get; private set; }

    /// <summary>Bytes appended but not yet synced.</summary>
    public int PendingBytes => _pending.Count;

    /// <summary>When set, write number <c>CrashAtWrite</c> (1-based, counting every method call that writes) throws before it takes effect.</summary>
    public int? CrashAtWrite { get; set; }

    public byte[] ReadAll() => [.. _durable, .. _pending];

    public void Append(ReadOnlySpan<byte> bytes)
    {
        Writes++;
        CrashIfDue();
        _pending.AddRange(bytes.ToArray());
    }

    public void Sync()
    {
        Writes++;
        CrashIfDue();
        _durable = [.. _durable, .. _pending];
        _pending.Clear();
    }

    public void Truncate(long length)
    {
        Writes++;
        CrashIfDue();
        var all = ReadAll();
        _durable = all[..(int)length];
        _pending.Clear();
    }

    public void Replace(ReadOnlySpan<byte> content)
    {
        Writes++;
        CrashIfDue();
        _durable = content.ToArray();
        _pending.Clear();
    }

    /// <summary>A crash: of the unsynced bytes, only the first <paramref name="keptPendingBytes"/> reach the disk.</summary>
    public void Crash(int keptPendingBytes)
    {
        _durable = [.. _durable, .. _pending.Take(keptPendingBytes)];
        _pending.Clear();
    }

    /// <summary>A crash after which unsynced space reads as zeros (allocated, never written).</summary>
    public void CrashWithZeroedTail()
    {
        _durable = [.. _durable, .. new byte[_pending.Count]];
        _pending.Clear();
    }

    /// <summary>Flips one durable bit (disk damage, not a crash).</summary>
    public void FlipBit(int byteOffset, int bit) => _durable[byteOffset] ^= (byte)(1 << bit);

    private void CrashIfDue()
    {
        if (CrashAtWrite == Writes)
        {
            throw new SimulatedCrashException($"crash at WAL write {Writes}");
        }
    }
}
