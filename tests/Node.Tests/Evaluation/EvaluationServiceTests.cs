using DaiChain.Ledger.Primitives;
using DaiChain.ModelRegistry.Evaluation;
using DaiChain.ModelRegistry.Records;
using DaiChain.Node.Evaluation;
using DaiChain.RegistryTestKit;
using Microsoft.Extensions.Logging.Abstractions;

namespace DaiChain.Node.Tests.Evaluation;

/// <summary>The background worker and its on-disk cache, with the real evaluator.</summary>
public sealed class EvaluationServiceTests
{
    private static EvaluationRequest RequestFor(GateHarness h, string benchmark = GateHarness.Benchmark)
    {
        var version = Samples.Version(GateHarness.ModelId, "0.0.1") with { ArtifactHash = Hash256.Compute(h.Model), ArtifactSize = (ulong)h.Model.Length, Benchmarks = [benchmark] };
        return Assert.Single(EvaluationGate.Requests(h.Chain.Head.State, version, out _)!);
    }

    [Fact]
    public async Task A_result_is_signed_cached_on_disk_and_not_evaluated_again_after_a_restart()
    {
        await using var h = new GateHarness();
        var request = RequestFor(h);
        var first = (await h.Service.Request(request)).Stored!;
        Assert.True(first.Signed.IsSignedBy(GateHarness.Self.PublicKey));
        Assert.Equal(EvaluationStatement.Of(h.Chain.ChainId, GateHarness.Benchmark, first.Result), first.Signed.Statement);
        Assert.Single(Directory.GetFiles(h.CacheDirectory, "*.eval"));

        await h.RestartServiceAsync();
        var again = h.Service.Request(request);
        Assert.True(again.IsCompleted, "a cached result must not be queued again");
        Assert.Equal(first, (await again).Stored);
    }

    [Fact]
    public async Task A_damaged_cache_file_is_ignored_and_the_model_evaluated_again()
    {
        await using var h = new GateHarness();
        var request = RequestFor(h);
        var first = (await h.Service.Request(request)).Stored!;
        var file = Assert.Single(Directory.GetFiles(h.CacheDirectory, "*.eval"));
        await File.WriteAllBytesAsync(file, [1, 2, 3]);

        var cache = new EvaluationCache(h.CacheDirectory, NullLogger.Instance);
        Assert.Null(cache.TryGet(request.Key));
        await h.RestartServiceAsync();
        Assert.Equal(first.Result, (await h.Service.Request(request)).Stored!.Result);
    }

    [Fact]
    public async Task A_private_dataset_is_read_only_from_the_operators_directory_and_never_fetched()
    {
        await using var h = new GateHarness();
        var fetched = 0;
        var inputs = new NodeEvaluationInputs(h.Artifacts, (_, _) => { fetched++; return Task.CompletedTask; }, Path.Combine(h.CacheDirectory, "private-datasets"));
        var privateHash = Hash256.Compute("private cancer data"u8);

        var e = await Assert.ThrowsAsync<EvaluationUnavailableException>(() => inputs.DatasetAsync(privateHash, DatasetVisibility.Private, CancellationToken.None));
        Assert.Contains(Path.Combine(inputs.PrivateDatasetsDirectory, privateHash.ToString()), e.Message, StringComparison.Ordinal);
        Assert.Equal(0, fetched);

        await File.WriteAllBytesAsync(Path.Combine(inputs.PrivateDatasetsDirectory, privateHash.ToString()), "private cancer data"u8.ToArray());
        Assert.Equal("private cancer data"u8.ToArray(), await inputs.DatasetAsync(privateHash, DatasetVisibility.Private, CancellationToken.None));

        // A public dataset this node lacks is asked of peers.
        await Assert.ThrowsAsync<EvaluationUnavailableException>(() => inputs.DatasetAsync(Hash256.Compute("public"u8), DatasetVisibility.Public, CancellationToken.None));
        Assert.Equal(1, fetched);
    }

    [Fact]
    public async Task An_unprovisioned_private_benchmark_is_unavailable_not_cached_and_says_why()
    {
        await using var h = new GateHarness();
        var request = RequestFor(h, GateHarness.PrivateBenchmark);
        Assert.Equal(DatasetVisibility.Private, request.Visibility);
        var outcome = await h.Service.Request(request);
        Assert.Null(outcome.Stored);
        Assert.Contains("not provisioned", outcome.Problem, StringComparison.Ordinal);
        Assert.Equal(outcome.Problem, h.Service.ProblemOf(request.Key));
        Assert.Null(h.Service.TryGet(request.Key));
        Assert.Empty(Directory.GetFiles(h.CacheDirectory, "*.eval"));
    }
}
