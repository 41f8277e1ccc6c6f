using BenchmarkDotNet.Attributes;
using DaiChain.Ledger.Primitives;
using DaiChain.Ledger.Transactions;
using DaiChain.ModelRegistry;
using DaiChain.ModelRegistry.Queries;
using DaiChain.ModelRegistry.Transactions;

namespace DaiChain.Benchmarks.ModelRegistry;

/// <summary>
/// Lineage and provenance-report latency on a 1,000-version DAG committed through real blocks: version i derives from
/// i−1 (so the DAG is 1,000 generations deep) and from up to two earlier versions picked by a fixed seed.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 5)]
public class LineageBenchmarks
{
    private const int Versions = 1_000;
    private RegistryBenchChain _chain = null!;
    private Hash256[] _ids = [];

    [GlobalSetup]
    public void Setup()
    {
        _chain = new RegistryBenchChain(RegistryBenchChain.NewMemoryStore(), providers: 1);
        var model = RegistryIds.Model(_chain.Publisher.Address, "dag");
        _chain.CommitAll([_chain.Tx(_chain.Publisher, new RegisterModelPayload("dag", "lineage benchmark", "classification", "MIT", []))]);
        var random = new Random(2026);
        _ids = new Hash256[Versions];
        var pending = new List<SignedTransaction>();
        for (var i = 0; i < Versions; i++)
        {
            var semver = $"0.{i}.0";
            _ids[i] = RegistryIds.Version(model, semver);
            var parents = new List<Hash256>();
            if (i > 0)
            {
                parents.Add(_ids[i - 1]);
                for (var extra = random.Next(0, 3); extra > 0; extra--)
                {
                    var pick = _ids[random.Next(0, i)];
                    if (!parents.Contains(pick))
                    {
                        parents.Add(pick);
                    }
                }
            }

            pending.Add(_chain.Tx(_chain.Publisher, new RegisterModelVersionPayload
            {
                ModelId = model,
                Semver = semver,
                ArtifactHash = Hash256.Compute(System.Text.Encoding.UTF8.GetBytes(semver)),
                ArtifactSize = 1,
                Parents = parents,
                ModelCard = $"# {semver}",
            }));
            if (pending.Count == 250)
            {
                _chain.CommitAll(pending);
                pending.Clear();
            }
        }
    }

    private RegistryQueries Queries() => new(_chain.Store.Head.State, RegistryBenchChain.ChainId);

    [Benchmark(Description = "ancestors of the newest version, depth 64")]
    public int Ancestors() => Queries().Lineage(_ids[^1], LineageDirection.Ancestors, 64, RegistryQueries.MaxLineageNodes)!.Nodes.Count;

    [Benchmark(Description = "descendants of the first version (all 999, depth 64 bound lifted by the DAG's shortcuts)")]
    public int Descendants() => Queries().Lineage(_ids[0], LineageDirection.Descendants, RegistryQueries.MaxLineageDepth, RegistryQueries.MaxLineageNodes)!.Nodes.Count;

    [Benchmark(Description = "get the newest version (walks all 999 ancestors for revoked-upstream)")]
    public bool GetVersion() => Queries().GetVersion(_ids[^1])!.Upstream.Complete;

    [Benchmark(Description = "provenance report of the newest version (256 ancestors, every fact proven)")]
    public int ProvenanceReport() => new ProvenanceReportBuilder(ChainStoreCommittedState.AtHead(_chain.Store)!).Build(_ids[^1])!.Facts.Count;
}
