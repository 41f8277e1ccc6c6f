using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace DaiChain.Benchmarks.Audit;

/// <summary>
/// In-process runs with a long timeout: when the 10,000-block chain is not in the temp folder yet, the setup generates
/// it (about 15 minutes on 2 shared cores), longer than the in-process toolchain's default limit; rebuilding the
/// boilerplate out of process times out on a loaded machine. Throughput strategy (the operations take well under a
/// millisecond, so each iteration runs many), three warmups, ten measured iterations.
/// </summary>
public sealed class AuditBenchmarkConfig : ManualConfig
{
    public AuditBenchmarkConfig()
    {
        AddJob(Job.Default
            .WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(60), logOutput: true))
            .WithStrategy(RunStrategy.Throughput)
            .WithLaunchCount(1)
            .WithWarmupCount(3)
            .WithIterationCount(10));
    }
}
