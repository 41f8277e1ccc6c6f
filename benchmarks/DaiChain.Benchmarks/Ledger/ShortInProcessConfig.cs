using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace DaiChain.Benchmarks.Ledger;

/// <summary>
/// The ledger suites' job: one launch, 2 warm-ups, 5 iterations, run inside the host process.
/// </summary>
/// <remarks>
/// In-process because the default toolchain rebuilds a copy of the solution for every run, and on the shared
/// 2-core machine that build regularly exceeds BenchmarkDotNet's two-minute build timeout. The host is
/// already a Release build of the same code.
/// </remarks>
internal sealed class ShortInProcessConfig : ManualConfig
{
    public ShortInProcessConfig() =>
        AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(2).WithIterationCount(5).WithToolchain(InProcessEmitToolchain.Instance));
}
