using System.Diagnostics;
using System.Globalization;
using DaiChain.Consensus.Application;
using DaiChain.Consensus.Signing;
using DaiChain.Ledger.Execution;
using DaiChain.Ledger.Storage;
using DaiChain.ProcessHarness;
using DaiChain.TestKit;
using Xunit.Abstractions;

namespace DaiChain.Consensus.Tests.Engine;

/// <summary>
/// Kills a validator process (SIGKILL) that runs the real engine loop over real files and RocksDB, at many
/// points, restarting it each time, and checks after every kill: nothing it sent was contradicted by anything it
/// sent before or after, the signer state on disk covers everything sent, every acknowledged block survived and
/// matches what was announced, the head certificate is whole; and at the end the validator carries on.
/// </summary>
public sealed class ProcessCrashTests : IDisposable
{
    private static readonly TimeSpan LineTimeout = TimeSpan.FromSeconds(60);

    private readonly TemporaryDirectory _directory = new();
    private readonly ITestOutputHelper _log;
    private readonly Dictionary<(string Step, ulong Height, uint Round), string> _sent = [];
    private readonly Dictionary<ulong, string> _committed = [];

    public ProcessCrashTests(ITestOutputHelper log) => _log = log;

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task A_killed_validator_never_contradicts_itself_and_resumes()
    {
        var path = _directory.Path;

        // (lines to read, then milliseconds more): the first run dies during start-up, later ones at assorted points
        // of proposing, voting, committing and resetting the WAL.
        foreach (var (lines, delayMs) in new[] { (0, 30), (1, 0), (3, 1), (5, 0), (8, 2), (2, 0), (13, 1), (4, 3), (7, 0), (10, 0), (6, 1), (9, 2) })
        {
            var output = await RunAsync(path, heights: 100_000, killAfterLines: lines, delayMs);
            Record(output);
            var head = Check(path);
            _log.WriteLine($"killed after {lines} lines + {delayMs} ms: {output.Count} lines, head {head}");
        }

        var final = Check(path);
        var finished = await RunAsync(path, heights: (int)final + 3, killAfterLines: null, 0);
        Record(finished);
        Assert.Equal("done", finished[^1]);
        Assert.True(Check(path) >= final + 3);
        Assert.True(_committed.Count >= 10, $"only {_committed.Count} heights committed over all runs");
    }

    private void Record(List<string> output)
    {
        foreach (var line in output)
        {
            var parts = line.Split(' ');
            if (parts[0] == "sent")
            {
                var key = (parts[1], ulong.Parse(parts[2], CultureInfo.InvariantCulture), uint.Parse(parts[3], CultureInfo.InvariantCulture));
                if (_sent.TryGetValue(key, out var earlier))
                {
                    Assert.True(earlier == parts[4], $"double sign: {key} was sent as {earlier} and later as {parts[4]}");
                }

                _sent[key] = parts[4];
            }
            else if (parts[0] == "committed")
            {
                _committed[ulong.Parse(parts[1], CultureInfo.InvariantCulture)] = parts[2];
            }
        }
    }

    /// <summary>Checks what the killed process left on disk; returns the committed head.</summary>
    private ulong Check(string path)
    {
        using (var signer = new FileSignerStateStore(ConsensusValidator.SignerPath(path)))
        {
            var last = signer.Load();
            foreach (var (step, height, round) in _sent.Keys)
            {
                Assert.True(last is not null && last.ComparePosition(height, round, Step(step)) >= 0, $"{step} at {height}/{round} was sent but the signer state is only at {last?.Height}/{last?.Round}/{last?.Step}");
            }
        }

        using var store = RocksDbStore.Open(LedgerCommitter.Options(ConsensusValidator.ChainPath(path)));
        var chain = new ChainStore(store, ChainRules.WithLedgerBuiltIns().Freeze());
        if (!chain.IsInitialized)
        {
            Assert.Empty(_committed);
            return 0;
        }

        var head = chain.Height;
        foreach (var (height, hash) in _committed)
        {
            Assert.True(height <= head, $"height {height} was acknowledged but the head is {head}");
            Assert.Equal(hash, chain.GetBlock(height)!.Hash.ToString());
        }

        using var certificates = new FileCommitCertificateStore(ConsensusValidator.CertificatePath(path));
        var certificate = certificates.Load();
        if (head > 0)
        {
            // Saved before the block is committed: the head's, or the next one's when the kill fell between the two.
            Assert.NotNull(certificate);
            Assert.InRange(certificate!.Height, head, head + 1);
            if (certificate.Height == head)
            {
                Assert.Equal(chain.GetBlock(head)!.Hash, certificate.BlockHash);
                Assert.True(certificate.Verify(GenesisBuilder.DefaultChainId, chain.GetValidatorSet(head)!).IsSuccess);
            }
        }

        return head;
    }

    private static SignStep Step(string step) => step switch
    {
        "proposal" => SignStep.Proposal,
        "prevote" => SignStep.Prevote,
        _ => SignStep.Precommit,
    };

    private static async Task<List<string>> RunAsync(string path, int heights, int? killAfterLines, int delayMs)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            Path.Combine(AppContext.BaseDirectory, "DaiChain.ProcessHarness.dll"), ConsensusValidator.Command,
            "--path", path, "--heights", heights.ToString(CultureInfo.InvariantCulture),
        })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the process harness");
        var errors = process.StandardError.ReadToEndAsync();
        var output = new List<string>();
        if (killAfterLines is not { } lines)
        {
            await process.WaitForExitAsync().WaitAsync(LineTimeout * 2);
            output.AddRange((await process.StandardOutput.ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.True(process.ExitCode == 0, $"exit code {process.ExitCode}: {await errors}");
            return output;
        }

        try
        {
            for (var i = 0; i < lines; i++)
            {
                var line = await process.StandardOutput.ReadLineAsync().WaitAsync(LineTimeout);
                if (line is null)
                {
                    await process.WaitForExitAsync();
                    throw new InvalidOperationException($"harness exited early ({process.ExitCode}): {string.Join(" | ", output)} {await errors}");
                }

                output.Add(line);
            }

            if (delayMs > 0)
            {
                await Task.Delay(delayMs);
            }
        }
        finally
        {
            process.Kill();
            await process.WaitForExitAsync();
        }

        // Lines already in the pipe were written after the event they report: they count.
        output.AddRange((await process.StandardOutput.ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries));
        return output;
    }

    private static string DotnetHost() =>
        Environment.ProcessPath is { } current && Path.GetFileNameWithoutExtension(current) == "dotnet"
            ? current
            : Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
}
