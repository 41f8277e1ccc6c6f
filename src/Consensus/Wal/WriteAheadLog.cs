using DaiChain.Ledger;

namespace DaiChain.Consensus.Wal;

/// <summary>
/// The consensus write-ahead log: framed records (<see cref="WalFraming"/>) appended to an <see cref="IWalFile"/>.
/// Opening reads every record back and repairs a torn tail; it refuses a log that is damaged anywhere else.
/// </summary>
/// <remarks>
/// <para>
/// A crash can leave the last append incomplete: a short header, a short payload, a full-length frame whose
/// checksum does not match (the file grew before its data reached the disk), or a run of zero bytes. Any of these
/// at the <em>end</em> of the log is a torn tail: it is cut off and the log continues from the last whole record.
/// Damage followed by further data is not something a crash produces, so <see cref="Open"/> throws rather than
/// silently dropping records that later ones may depend on.
/// </para>
/// <para>Not thread-safe: the driver is its only user, from its single loop.</para>
/// </remarks>
public sealed class WriteAheadLog
{
    private readonly IWalFile _file;
    private bool _opened;

    public WriteAheadLog(IWalFile file)
    {
        _file = file;
    }

    /// <summary>Bytes in the log, as far as this instance has written or read them.</summary>
    public long Length { get; private set; }

    /// <summary>Appends since the last <see cref="Sync"/>.</summary>
    public int UnsyncedRecords { get; private set; }

    /// <summary>Reads all records; cuts off a torn tail (and makes the cut durable).</summary>
    /// <exception cref="WalCorruptException">A record before the end is damaged.</exception>
    public WalContents Open()
    {
        var bytes = _file.ReadAll();
        var records = new List<byte[]>();
        var offset = 0;
        var tornBytes = 0L;
        while (offset < bytes.Length)
        {
            var rest = bytes.AsSpan(offset);
            var status = WalFraming.TryRead(rest, out var payload, out var frameLength);
            if (status == WalFrameStatus.Complete)
            {
                records.Add(payload.ToArray());
                offset += frameLength;
                continue;
            }

            if (status == WalFrameStatus.Incomplete || IsTornTail(rest))
            {
                tornBytes = rest.Length;
                _file.Truncate(offset);
                break;
            }

            throw new WalCorruptException(offset, bytes.Length);
        }

        Length = offset;
        _opened = true;
        return new WalContents(records, tornBytes);
    }

    /// <summary>Appends one record. It is durable only after <see cref="Sync"/>.</summary>
    public void Append(ReadOnlySpan<byte> payload)
    {
        Invariant.Check(_opened, "the WAL must be opened (and its torn tail repaired) before appending");
        var frame = WalFraming.Frame(payload);
        _file.Append(frame);
        Length += frame.Length;
        UnsyncedRecords++;
    }

    /// <summary>Makes every appended record durable.</summary>
    public void Sync()
    {
        if (UnsyncedRecords == 0)
        {
            return;
        }

        _file.Sync();
        UnsyncedRecords = 0;
    }

    /// <summary>Atomically replaces the log with exactly <paramref name="records"/> (durable on return).</summary>
    public void Reset(IEnumerable<byte[]> records)
    {
        using var buffer = new MemoryStream();
        foreach (var record in records)
        {
            buffer.Write(WalFraming.Frame(record));
        }

        _file.Replace(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
        Length = buffer.Length;
        UnsyncedRecords = 0;
        _opened = true;
    }

    // A damaged frame is the torn tail when nothing after it could be a later record: it claims to run to the end
    // of the file or beyond, or everything from it to the end is zero (space allocated, data never written).
    private static bool IsTornTail(ReadOnlySpan<byte> rest)
    {
        if (rest.Length >= WalFraming.HeaderSize)
        {
            var length = System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(rest);
            if ((ulong)WalFraming.HeaderSize + length >= (ulong)rest.Length)
            {
                return true;
            }
        }

        return !rest.ContainsAnyExcept((byte)0);
    }
}
