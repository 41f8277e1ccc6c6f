using DaiChain.Consensus.Wal;
using DaiChain.ConsensusSim;
using DaiChain.Ledger;

namespace DaiChain.Consensus.Tests.Wal;

public class WriteAheadLogTests
{
    private static byte[] Record(int i) => [.. Enumerable.Range(0, 3 + (i % 17)).Select(b => (byte)(b * 31 + i))];

    [Fact]
    public void Records_come_back_in_order_after_sync()
    {
        var file = new MemoryWalFile();
        var wal = new WriteAheadLog(file);
        wal.Open();
        for (var i = 0; i < 10; i++)
        {
            wal.Append(Record(i));
        }

        wal.Sync();
        file.Crash(0);
        var contents = new WriteAheadLog(file).Open();
        Assert.Equal(Enumerable.Range(0, 10).Select(Record), contents.Records);
        Assert.Equal(0, contents.TornBytes);
    }

    [Fact]
    public void Crash_at_every_byte_of_unsynced_appends_keeps_exactly_the_whole_records()
    {
        var durable = Enumerable.Range(0, 3).Select(Record).ToList();
        var pending = Enumerable.Range(3, 4).Select(Record).ToList();
        var pendingBytes = pending.Sum(r => r.Length + WalFraming.HeaderSize);
        for (var kept = 0; kept <= pendingBytes; kept++)
        {
            var file = new MemoryWalFile();
            var wal = new WriteAheadLog(file);
            wal.Open();
            durable.ForEach(r => wal.Append(r));
            wal.Sync();
            pending.ForEach(r => wal.Append(r));
            file.Crash(kept);

            var reopened = new WriteAheadLog(file);
            var contents = reopened.Open();
            var whole = 0;
            var offset = 0;
            while (whole < pending.Count && offset + pending[whole].Length + WalFraming.HeaderSize <= kept)
            {
                offset += pending[whole].Length + WalFraming.HeaderSize;
                whole++;
            }

            Assert.Equal(durable.Concat(pending.Take(whole)), contents.Records);
            Assert.Equal(kept - offset, contents.TornBytes);

            // The repaired log accepts appends that read back after the surviving records.
            reopened.Append(Record(99));
            reopened.Sync();
            Assert.Equal(durable.Concat(pending.Take(whole)).Append(Record(99)), new WriteAheadLog(file).Open().Records);
        }
    }

    [Fact]
    public void Zero_filled_tail_is_a_torn_tail()
    {
        var file = new MemoryWalFile();
        var wal = new WriteAheadLog(file);
        wal.Open();
        wal.Append(Record(1));
        wal.Sync();
        wal.Append(Record(2));
        wal.Append(Record(3));
        file.CrashWithZeroedTail();
        var contents = new WriteAheadLog(file).Open();
        Assert.Equal([Record(1)], contents.Records);
        Assert.True(contents.TornBytes > 0);
    }

    [Fact]
    public void Damaged_last_record_is_a_torn_tail()
    {
        var file = new MemoryWalFile();
        var wal = new WriteAheadLog(file);
        wal.Open();
        wal.Append(Record(1));
        wal.Append(Record(2));
        wal.Sync();
        var length = (int)wal.Length;
        file.FlipBit(length - 1, 3);
        Assert.Equal([Record(1)], new WriteAheadLog(file).Open().Records);
    }

    [Fact]
    public void Damage_before_the_end_refuses_to_open()
    {
        var file = new MemoryWalFile();
        var wal = new WriteAheadLog(file);
        wal.Open();
        wal.Append(Record(1));
        wal.Append(Record(2));
        wal.Append(Record(3));
        wal.Sync();
        file.FlipBit(WalFraming.HeaderSize + 1, 0);
        var error = Assert.Throws<WalCorruptException>(() => new WriteAheadLog(file).Open());
        Assert.Equal(0, error.Offset);
    }

    [Fact]
    public void Reset_replaces_the_content_atomically()
    {
        var file = new MemoryWalFile();
        var wal = new WriteAheadLog(file);
        wal.Open();
        wal.Append(Record(1));
        wal.Sync();
        wal.Reset([Record(7), Record(8)]);
        wal.Append(Record(9));
        file.Crash(0);
        Assert.Equal([Record(7), Record(8)], new WriteAheadLog(file).Open().Records);
    }

    [Fact]
    public void Appending_before_open_is_an_invariant_violation()
    {
        var wal = new WriteAheadLog(new MemoryWalFile());
        Assert.Throws<InvariantViolationException>(() => wal.Append([1]));
    }
}
