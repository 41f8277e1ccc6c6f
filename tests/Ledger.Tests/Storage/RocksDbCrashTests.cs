using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using DaiChain.Ledger.Storage;
using DaiChain.ProcessHarness;
using DaiChain.TestKit;
using Xunit.Abstractions;

namespace DaiChain.Ledger.Tests.Storage;

/// <summary>
/// Kills a process that is writing synced batches (SIGKILL, at several points) and checks on reopen that every
/// batch is whole or absent, that every acknowledged batch survived, and that the survivors form a prefix.
/// </summary>
public sealed class RocksDbCrashTests : IDisposable
{
    private const int KeysPerBatch = 32;
    private const int ValueBytes = 1024;
    private static readonly TimeSpan LineTimeout = TimeSpan.FromSeconds(20);

    private readonly TemporaryDirectory _directory = new();
    private readonly ITestOutputHelper _log;

    public RocksDbCrashTests(ITestOutputHelper log) => _log = log;

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Killed_writer_leaves_whole_batches_in_order_and_keeps_every_acknowledged_one()
    {
        var path = _directory.Combine("crash");
        var survivors = 0;

        // Acks to wait for before each kill; 0 kills while the first write of the run may be in flight.
        foreach (var acksBeforeKill in new[] { 0, 1, 4, 13, 40 })
        {
            var run = await RunWriterUntilKilledAsync(path, acksBeforeKill);

            Assert.Equal(survivors, run.Start);
            var present = CheckDatabase(path);
            Assert.True(
                present > run.LastAck,
                $"batch {run.LastAck} was acknowledged but only batches below {present} survived the kill");
            Assert.True(present >= survivors, $"{survivors} batches had survived earlier kills, now only {present}");
            _log.WriteLine($"killed after {acksBeforeKill} acks: run started at batch {run.Start}, last ack {run.LastAck}, {present} batches whole on reopen");
            survivors = present;
        }

        Assert.True(survivors >= 58, $"only {survivors} batches written over all runs");
    }

    /// <summary>Reopens the database, checks every batch is whole and correct and the batches form a prefix; returns their count.</summary>
    private static int CheckDatabase(string path)
    {
        using var store = RocksDbStore.Open(RocksDbWriter.Options(path));
        var keysPerBatch = new SortedDictionary<int, int>();
        foreach (var family in new[] { RocksDbWriter.First, RocksDbWriter.Second })
        {
            foreach (var (key, value) in store.Range(family, null, null))
            {
                Assert.Equal(8, key.Length);
                var batch = BinaryPrimitives.ReadInt32BigEndian(key);
                var index = BinaryPrimitives.ReadInt32BigEndian(key.AsSpan(4));
                Assert.Equal(RocksDbWriter.FamilyOf(index), family);
                Assert.Equal(RocksDbWriter.Value(batch, index, ValueBytes), value);
                keysPerBatch[batch] = keysPerBatch.GetValueOrDefault(batch) + 1;
            }
        }

        var expected = 0;
        foreach (var (batch, keys) in keysPerBatch)
        {
            Assert.True(batch == expected, $"batch {batch} survived but batch {expected} did not: the survivors are not a prefix");
            Assert.True(keys == KeysPerBatch, $"batch {batch} is torn: {keys} of {KeysPerBatch} keys survived");
            expected++;
        }

        return expected;
    }

    private static async Task<WriterRun> RunWriterUntilKilledAsync(string path, int acksBeforeKill)
    {
        var harness = Path.Combine(AppContext.BaseDirectory, "DaiChain.ProcessHarness.dll");
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            harness, RocksDbWriter.Command, "--path", path, "--batches", "1000000",
            "--keys", KeysPerBatch.ToString(CultureInfo.InvariantCulture),
            "--value-bytes", ValueBytes.ToString(CultureInfo.InvariantCulture),
        })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the process harness");
        var errors = process.StandardError.ReadToEndAsync();
        var output = new List<string>();
        try
        {
            var first = await ReadLineAsync(process, output, errors);
            Assert.StartsWith("start ", first, StringComparison.Ordinal);
            var acks = 0;
            while (acks < acksBeforeKill)
            {
                var line = await ReadLineAsync(process, output, errors);
                Assert.StartsWith("ack ", line, StringComparison.Ordinal);
                acks++;
            }
        }
        finally
        {
            process.Kill(); // SIGKILL on Linux: no finalizers, no RocksDB shutdown, no flush
            await process.WaitForExitAsync();
        }

        // Lines already in the pipe were printed after their write returned: they are acknowledged too.
        output.AddRange((await process.StandardOutput.ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries));
        var startBatch = int.Parse(output[0]["start ".Length..], CultureInfo.InvariantCulture);
        var lastAck = output.Where(l => l.StartsWith("ack ", StringComparison.Ordinal))
            .Select(l => int.Parse(l["ack ".Length..], CultureInfo.InvariantCulture))
            .DefaultIfEmpty(startBatch - 1)
            .Max();
        return new WriterRun(startBatch, lastAck);
    }

    private static async Task<string> ReadLineAsync(Process process, List<string> output, Task<string> errors)
    {
        var line = await process.StandardOutput.ReadLineAsync().WaitAsync(LineTimeout);
        if (line is null)
        {
            throw new InvalidOperationException(
                $"process harness exited early (code {process.ExitCode}): {string.Join(" | ", output)} {await errors}");
        }

        output.Add(line);
        return line;
    }

    /// <summary>The <c>dotnet</c> host running these tests, so the child uses the same runtime.</summary>
    private static string DotnetHost()
    {
        if (Environment.ProcessPath is { } current && Path.GetFileNameWithoutExtension(current) == "dotnet")
        {
            return current;
        }

        return Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
    }

    private sealed record WriterRun(int Start, int LastAck);
}
