using System.Diagnostics;
using System.Globalization;
using DaiChain.Ledger.Storage;
using DaiChain.ProcessHarness;
using DaiChain.TestKit;
using Xunit.Abstractions;

namespace DaiChain.Ledger.Tests.Execution;

/// <summary>
/// Kills a process that is committing blocks to RocksDB (SIGKILL, at several points, resuming each time) and
/// checks on every reopen: each block is whole or absent, every acknowledged block survived, the survivors
/// form a chain, and the stored state root matches the head header and a re-execution of the stored blocks.
/// </summary>
public sealed class ChainCrashTests : IDisposable
{
    private const int TransactionsPerBlock = 40;
    private static readonly TimeSpan LineTimeout = TimeSpan.FromSeconds(30);

    private readonly TemporaryDirectory _directory = new();
    private readonly ITestOutputHelper _log;

    public ChainCrashTests(ITestOutputHelper log) => _log = log;

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task A_killed_node_leaves_whole_blocks_and_a_matching_state_root()
    {
        var path = _directory.Combine("chain");
        ulong survivors = 0;

        // (commits to wait for, then milliseconds more before the kill): a delay lands the kill inside a later
        // commit; the first run is killed during start-up, possibly while it writes the genesis.
        foreach (var (commitsBeforeKill, delayMs) in new[] { (-1, 150), (0, 0), (1, 2), (3, 5), (8, 1), (2, 9) })
        {
            var run = await RunUntilKilledAsync(path, commitsBeforeKill, delayMs);
            if (run.Start is { } start)
            {
                Assert.Equal(survivors, start);
            }

            var head = CheckChain(path);
            Assert.True(head >= run.LastAcknowledged, $"block {run.LastAcknowledged} was acknowledged but the head is {head}");
            Assert.True(head >= survivors, $"{survivors} blocks had survived earlier kills, now the head is {head}");
            _log.WriteLine($"killed after {commitsBeforeKill} commits + {delayMs} ms: started at {run.Start?.ToString(CultureInfo.InvariantCulture) ?? "?"}, last acknowledged {run.LastAcknowledged}, head on reopen {head}");
            survivors = head;
        }

        Assert.True(survivors >= 12, $"only {survivors} blocks committed over all runs");
    }

    /// <summary>Reopens the chain, checks every block and the state, returns the head height.</summary>
    private static ulong CheckChain(string path)
    {
        using var store = RocksDbStore.Open(LedgerCommitter.Options(path));
        if (!new Ledger.Execution.ChainStore(store, Ledger.Execution.ChainRules.WithLedgerBuiltIns().Freeze()).IsInitialized)
        {
            // Killed before the genesis batch landed: the store holds no chain at all, not half of one.
            Assert.Empty(store.Range(Ledger.Execution.ChainColumns.StateNodes, null, null));
            return 0;
        }

        var chain = new TestChain(store: store);
        var head = chain.Height;

        // Nothing of the block after the head exists: it is absent, not half-written.
        Assert.Null(chain.Store.GetBlock(head + 1));
        Assert.Null(chain.Store.GetReceipts(head + 1));
        Assert.Null(chain.Store.GetStateRoot(head + 1));

        // Replaying the stored blocks on a fresh in-memory chain re-checks every signature, link and root.
        var replay = new TestChain(chain.Genesis);
        for (ulong h = 1; h <= head; h++)
        {
            var block = chain.Store.GetBlock(h);
            Assert.True(block is not null, $"block {h} of {head} is missing");
            var receipts = chain.Store.GetReceipts(h)!;
            Assert.Equal(block.Transactions.Count, receipts.Count);
            Assert.All(block.Transactions, tx => Assert.NotNull(chain.Store.FindTransaction(tx.Hash)));
            Assert.Equal(block.Header.StateRoot, chain.Store.GetStateRoot(h)!.Value.Hash);
            replay.Commit(block);
        }

        Assert.Equal(replay.Head.StateRoot, chain.Head.StateRoot);
        Assert.Equal(head == 0 ? chain.Store.GetStateRoot(0)!.Value.Hash : chain.Head.LastHeader!.StateRoot, chain.Head.StateRoot.Hash);
        return head;
    }

    private static async Task<Run> RunUntilKilledAsync(string path, int commitsBeforeKill, int delayMs)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            Path.Combine(AppContext.BaseDirectory, "DaiChain.ProcessHarness.dll"), LedgerCommitter.Command,
            "--path", path, "--blocks", "1000000", "--txs", TransactionsPerBlock.ToString(CultureInfo.InvariantCulture),
        })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the process harness");
        var errors = process.StandardError.ReadToEndAsync();
        var output = new List<string>();
        try
        {
            if (commitsBeforeKill >= 0)
            {
                Assert.StartsWith("start ", await ReadLineAsync(process, output, errors), StringComparison.Ordinal);
                for (var i = 0; i < commitsBeforeKill; i++)
                {
                    Assert.StartsWith("committed ", await ReadLineAsync(process, output, errors), StringComparison.Ordinal);
                }
            }

            if (delayMs > 0)
            {
                await Task.Delay(delayMs);
            }
        }
        finally
        {
            process.Kill(); // SIGKILL: no finalizers, no RocksDB shutdown
            await process.WaitForExitAsync();
        }

        // Lines already in the pipe were written after their commit returned: they count as acknowledged.
        output.AddRange((await process.StandardOutput.ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries));
        ulong? startHeight = output.FirstOrDefault(l => l.StartsWith("start ", StringComparison.Ordinal)) is { } first
            ? ulong.Parse(first["start ".Length..], CultureInfo.InvariantCulture)
            : null;
        var last = output.Where(l => l.StartsWith("committed ", StringComparison.Ordinal))
            .Select(l => ulong.Parse(l.Split(' ')[1], CultureInfo.InvariantCulture))
            .DefaultIfEmpty(startHeight ?? 0)
            .Max();
        return new Run(startHeight, last);
    }

    private static async Task<string> ReadLineAsync(Process process, List<string> output, Task<string> errors)
    {
        var line = await process.StandardOutput.ReadLineAsync().WaitAsync(LineTimeout);
        if (line is null)
        {
            throw new InvalidOperationException($"process harness exited early (code {process.ExitCode}): {string.Join(" | ", output)} {await errors}");
        }

        output.Add(line);
        return line;
    }

    private static string DotnetHost() =>
        Environment.ProcessPath is { } current && Path.GetFileNameWithoutExtension(current) == "dotnet"
            ? current
            : Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    private sealed record Run(ulong? Start, ulong LastAcknowledged);
}
