using DaiChain.Ledger.Audit.Bundles;
using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Primitives;
using DaiChain.ModelRegistry.Records;
using DaiChain.ModelRegistry.State;

namespace DaiChain.Node.Audit;

/// <summary>
/// The provenance of one model version read from the facts of a <em>verified</em> proof bundle: the version record
/// (the bundle's first fact), its model and card, parents and further ancestors, datasets, contributions, benchmarks,
/// closed round, stage history and inference volume — each decoded from a proven state value, nothing else.
/// </summary>
/// <remarks>
/// <see cref="Problems"/> lists what the version record names but the bundle does not prove (a dataset, a
/// contribution, a parent...): a bundle with problems is not a complete provenance, even though every fact it does
/// carry is true.
/// </remarks>
public sealed class ModelVersionProvenance
{
    private ModelVersionProvenance(VersionRecord version)
    {
        Version = version;
    }

    public VersionRecord Version { get; }

    public ModelRecord? Model { get; private set; }

    public ModelCard? Card { get; private set; }

    public IReadOnlyList<VersionRecord> Parents { get; private set; } = [];

    /// <summary>Every proven version other than the subject (parents included), in bundle order.</summary>
    public IReadOnlyList<VersionRecord> Ancestors { get; private set; } = [];

    public IReadOnlyList<DatasetRecord> Datasets { get; private set; } = [];

    public IReadOnlyList<ContributionRecord> Contributions { get; private set; } = [];

    public IReadOnlyList<BenchmarkRecord> Benchmarks { get; private set; } = [];

    public RoundRecord? ClosedRound { get; private set; }

    public IReadOnlyList<StageChange> StageHistory { get; private set; } = [];

    public VersionUsage? Usage { get; private set; }

    public IReadOnlyList<string> Problems { get; private set; } = [];

    public bool IsComplete => Problems.Count == 0;

    /// <summary>True when the bundle's first fact is a registered model version.</summary>
    public static bool IsModelVersionBundle(ProofBundle bundle) =>
        bundle.Facts.Count > 0 && bundle.Facts[0].Space == RegistrySpaces.Version && bundle.Facts[0].IsPresent;

    /// <summary>Reads the provenance from a bundle's facts; call only on a bundle that verified.</summary>
    /// <exception cref="CodecException">A proven value is not the record its space holds (cannot happen on a chain that executed it).</exception>
    public static ModelVersionProvenance Read(ProofBundle bundle)
    {
        if (!IsModelVersionBundle(bundle))
        {
            throw new ArgumentException("the bundle's first fact is not a model version record", nameof(bundle));
        }

        var facts = new Dictionary<(string Space, string Id), byte[]?>();
        foreach (var fact in bundle.Facts)
        {
            facts[(fact.Space, Hex.Encode(fact.Id))] = fact.Value;
        }

        var version = Canonical.Decode<VersionRecord>(bundle.Facts[0].Value!);
        var problems = new List<string>();
        T? Get<T>(string space, ReadOnlySpan<byte> id, string what, bool required = true)
            where T : class, ICanonicalEncodable<T>
        {
            if (facts.TryGetValue((space, Hex.Encode(id)), out var value) && value is not null)
            {
                return Canonical.Decode<T>(value);
            }

            if (required)
            {
                problems.Add($"the bundle does not prove {what}");
            }

            return null;
        }

        var provenance = new ModelVersionProvenance(version)
        {
            Model = Get<ModelRecord>(RegistrySpaces.Model, version.ModelId.ToArray(), $"the model {RegistryIdText(version.ModelId)}"),
            Card = Get<ModelCard>(RegistrySpaces.Card, version.Id.ToArray(), "the model card"),
            Usage = Get<VersionUsage>(RegistrySpaces.VersionUsage, version.Id.ToArray(), "usage", required: false),
        };
        provenance.Parents = [.. version.Parents.Select(p => Get<VersionRecord>(RegistrySpaces.Version, p.ToArray(), $"parent version {RegistryIdText(p)}")).OfType<VersionRecord>()];
        provenance.Ancestors = [.. bundle.Facts.Skip(1).Where(f => f.Space == RegistrySpaces.Version && f.Value is not null).Select(f => Canonical.Decode<VersionRecord>(f.Value!))];
        provenance.Datasets = [.. version.Datasets.Select(d => Get<DatasetRecord>(RegistrySpaces.Dataset, d.ToArray(), $"dataset {RegistryIdText(d)}")).OfType<DatasetRecord>()];
        provenance.Contributions = [.. version.Contributions.Select(c => Get<ContributionRecord>(RegistrySpaces.Contribution, c.ToArray(), $"contribution {RegistryIdText(c)}")).OfType<ContributionRecord>()];
        provenance.Benchmarks = [.. version.Benchmarks.Select(b => Get<BenchmarkRecord>(RegistrySpaces.Benchmark, System.Text.Encoding.UTF8.GetBytes(b), $"benchmark '{b}'")).OfType<BenchmarkRecord>()];
        if (!version.ClosedRound.IsZero)
        {
            provenance.ClosedRound = Get<RoundRecord>(RegistrySpaces.Round, version.ClosedRound.ToArray(), $"the closed round {RegistryIdText(version.ClosedRound)}");
        }

        var history = new List<StageChange>();
        var ownerLength = Hash256.Size;
        foreach (var fact in bundle.Facts.Where(f => f.Space == RegistrySpaces.StageHistory && f.Value is not null && f.Id.Length == ownerLength + 8))
        {
            if (fact.Id.AsSpan(0, ownerLength).SequenceEqual(version.Id.ToArray()))
            {
                history.Add(Canonical.Decode<StageChange>(fact.Value!));
            }
        }

        provenance.StageHistory = history;
        provenance.Problems = problems;
        return provenance;
    }

    private static string RegistryIdText(Hash256 id) => "0x" + id;
}
