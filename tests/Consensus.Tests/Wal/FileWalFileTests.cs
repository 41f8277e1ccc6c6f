using DaiChain.Consensus.Wal;

namespace DaiChain.Consensus.Tests.Wal;

public sealed class FileWalFileTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "daichain-wal-" + Guid.NewGuid().ToString("N"));

    private string WalPath => Path.Combine(_directory, "consensus.wal");

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public void Records_survive_reopening()
    {
        using (var file = new FileWalFile(WalPath))
        {
            var wal = new WriteAheadLog(file);
            wal.Open();
            wal.Append([1, 2, 3]);
            wal.Append([4]);
            wal.Sync();
        }

        using var reopened = new FileWalFile(WalPath);
        Assert.Equal([[1, 2, 3], [4]], new WriteAheadLog(reopened).Open().Records);
    }

    [Fact]
    public void Replace_switches_files_and_bumps_the_generation()
    {
        using (var file = new FileWalFile(WalPath))
        {
            var wal = new WriteAheadLog(file);
            wal.Open();
            wal.Append([1]);
            wal.Sync();
            Assert.Equal(1ul, file.Generation);
            wal.Reset([[2], [3]]);
            Assert.Equal(2ul, file.Generation);
            wal.Append([4]);
            wal.Sync();
            wal.Reset([[5]]);
        }

        using var reopened = new FileWalFile(WalPath);
        Assert.Equal(3ul, reopened.Generation);
        Assert.Equal([[5]], new WriteAheadLog(reopened).Open().Records);
    }

    [Fact]
    public void Replacement_whose_header_never_reached_the_disk_leaves_the_old_log_current()
    {
        using (var file = new FileWalFile(WalPath))
        {
            var wal = new WriteAheadLog(file);
            wal.Open();
            wal.Append([1]);
            wal.Sync();
        }

        // A crash inside Replace after the content was written to file 1 but before its header was.
        File.WriteAllBytes(WalPath + ".1", [.. new byte[16], .. WalFraming.Frame([9, 9])]);
        using var reopened = new FileWalFile(WalPath);
        Assert.Equal([[1]], new WriteAheadLog(reopened).Open().Records);
    }

    [Fact]
    public void Torn_tail_on_disk_is_cut_and_the_log_continues()
    {
        using (var file = new FileWalFile(WalPath))
        {
            var wal = new WriteAheadLog(file);
            wal.Open();
            wal.Append([1, 1]);
            wal.Append([2, 2, 2]);
            wal.Sync();
        }

        using (var stream = new FileStream(WalPath + ".0", FileMode.Open))
        {
            stream.SetLength(stream.Length - 2);
        }

        using (var file = new FileWalFile(WalPath))
        {
            var wal = new WriteAheadLog(file);
            Assert.Equal([[1, 1]], wal.Open().Records);
            wal.Append([3]);
            wal.Sync();
        }

        using var last = new FileWalFile(WalPath);
        Assert.Equal([[1, 1], [3]], new WriteAheadLog(last).Open().Records);
    }
}
