using System.Diagnostics;
using DaiChain.EvalHarness;
using DaiChain.ModelRegistry.Evaluation;

namespace DaiChain.ModelRegistry.Tests.Evaluation;

/// <summary>
/// One hash over the canonical results (metrics, work and output digests) of every fixture. It must be the committed
/// value, in this process and in child processes whose JIT may not use AVX-512, AVX2 or any hardware intrinsic.
/// </summary>
/// <remarks>
/// The committed value changes only when evaluation semantics change on purpose, which must also change
/// <see cref="Evaluator.Version"/>: validators on different versions would disagree.
/// </remarks>
public class GoldenHashTests
{
    public const string Golden = "7b6ecea633569fe239ff97b4a87852dba010c8ebe4020b496ef55747d5b73d3e";

    [Fact]
    public void Golden_hash_in_process_is_the_committed_value()
    {
        var results = FixtureSuite.Evaluate(FixtureSuite.Load(FixturePaths.Fixtures), new Evaluator());
        Assert.Equal(Golden, FixtureSuite.GoldenHash(results.Select(r => r.Result)));
    }

    [Theory]
    [InlineData("default", "")]
    [InlineData("no AVX-512", "DOTNET_EnableAVX512=0")]
    [InlineData("no AVX2", "DOTNET_EnableAVX2=0")]
    [InlineData("no hardware intrinsics", "DOTNET_EnableHWIntrinsic=0")]
    public async Task Golden_hash_is_identical_in_a_child_process(string label, string environment)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(FixturePaths.Harness);
        start.ArgumentList.Add("golden");
        start.ArgumentList.Add(FixturePaths.Fixtures);
        foreach (var setting in environment.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = setting.Split('=');
            start.Environment[parts[0]] = parts[1];
        }

        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var stdoutTask = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderrTask = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        var stdout = (await stdoutTask).Trim();
        var stderr = (await stderrTask).Trim();
        Assert.True(process.ExitCode == 0, $"{label}: exit {process.ExitCode}: {stderr}");
        Assert.True(Golden == stdout, $"{label} ({stderr}): {stdout} != {Golden}");
    }
}
