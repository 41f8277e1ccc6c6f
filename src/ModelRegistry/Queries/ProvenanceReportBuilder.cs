using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Primitives;
using DaiChain.Ledger.State;
using DaiChain.ModelRegistry.Records;
using DaiChain.ModelRegistry.State;

namespace DaiChain.ModelRegistry.Queries;

/// <summary>Builds a <see cref="ProvenanceReportView"/> from a committed state, proving every fact it states.</summary>
/// <remarks>
/// Ancestors are walked breadth first (nearest first) up to <see cref="MaxAncestors"/> versions, each proven, so a
/// reader can check the whole lineage and every revocation in it; stage history up to
/// <see cref="MaxStageHistory"/> entries. Each proof is also checked here before it is returned.
/// </remarks>
public sealed class ProvenanceReportBuilder
{
    public const string Format = "daichain-provenance/v1";
    public const int MaxAncestors = 256;
    public const int MaxStageHistory = 64;

    private readonly ICommittedState _committed;
    private readonly RegistryQueries _queries;
    private readonly List<ProvenFactView> _facts = [];

    public ProvenanceReportBuilder(ICommittedState committed)
    {
        _committed = committed;
        _queries = new RegistryQueries(committed.State, committed.ChainId);
    }

    /// <summary>The report on <paramref name="versionId"/>, or null when no such version is registered at this height.</summary>
    public ProvenanceReportView? Build(Hash256 versionId)
    {
        _facts.Clear();
        var version = _queries.FindVersion(versionId);
        if (version is null)
        {
            return null;
        }

        var model = _queries.FindModel(version.ModelId)!;
        var versionView = _queries.GetVersion(versionId, includeCard: true)!;
        var modelView = _queries.GetModel(model.Id)!;
        Prove("version", RegistrySpaces.Version, versionId.ToArray());
        Prove("model", RegistrySpaces.Model, model.Id.ToArray());
        Prove("model_card", RegistrySpaces.Card, versionId.ToArray());
        Prove("usage", RegistrySpaces.VersionUsage, versionId.ToArray(), mayBeAbsent: true);

        var parents = new List<VersionSummaryView>();
        foreach (var parentId in version.Parents)
        {
            parents.Add(RegistryViews.Summary(_queries.FindVersion(parentId)!));
        }

        var (ancestors, complete) = Ancestors(version);

        var datasets = new List<DatasetView>();
        foreach (var hash in version.Datasets)
        {
            datasets.Add(RegistryViews.Dataset(RegistryState.GetDataset(_committed.State, hash)!));
            Prove("dataset", RegistrySpaces.Dataset, hash.ToArray());
        }

        var contributions = new List<ContributionView>();
        foreach (var id in version.Contributions)
        {
            contributions.Add(RegistryViews.Contribution(RegistryState.GetContribution(_committed.State, id)!));
            Prove("contribution", RegistrySpaces.Contribution, id.ToArray());
        }

        var benchmarks = new List<BenchmarkView>();
        foreach (var name in version.Benchmarks)
        {
            benchmarks.Add(RegistryViews.Benchmark(RegistryState.GetBenchmark(_committed.State, name)!));
            Prove("benchmark", RegistrySpaces.Benchmark, System.Text.Encoding.UTF8.GetBytes(name));
        }

        RoundView? round = null;
        if (!version.ClosedRound.IsZero)
        {
            round = _queries.GetRound(version.ClosedRound);
            Prove("closed_round", RegistrySpaces.Round, version.ClosedRound.ToArray());
        }

        var history = _queries.StageHistory(versionId, MaxStageHistory);
        var historyCount = AppendList.Count(_committed.State, RegistrySpaces.StageHistory, versionId.ToArray());
        ProveKey("stage_history.count", RegistrySpaces.StageHistory, versionId.ToArray(), AppendList.CountKey(RegistrySpaces.StageHistory, versionId.ToArray()), mayBeAbsent: true);
        for (var i = 0UL; i < Math.Min(historyCount, MaxStageHistory); i++)
        {
            var itemId = ItemId(versionId, i);
            Prove("stage_history", RegistrySpaces.StageHistory, itemId);
        }

        return new ProvenanceReportView(
            Format,
            _committed.ChainId,
            _committed.Height,
            RegistryViews.Id(_committed.BlockHash),
            RegistryViews.Id(_committed.StateRoot),
            _committed.BlockTimeMs,
            versionView,
            modelView,
            parents,
            ancestors,
            complete,
            datasets,
            contributions,
            benchmarks,
            round,
            history,
            versionView.Usage,
            [.. _facts],
            LocalArtifact: null);
    }

    private (List<VersionSummaryView> Ancestors, bool Complete) Ancestors(VersionRecord version)
    {
        var result = new List<VersionSummaryView>();
        var seen = new HashSet<Hash256> { version.Id };
        var queue = new Queue<Hash256>();
        foreach (var parent in version.Parents)
        {
            if (seen.Add(parent))
            {
                queue.Enqueue(parent);
            }
        }

        while (queue.Count > 0)
        {
            if (result.Count >= MaxAncestors)
            {
                return (result, false);
            }

            var ancestor = _queries.FindVersion(queue.Dequeue())!;
            result.Add(RegistryViews.Summary(ancestor));
            Prove("ancestor", RegistrySpaces.Version, ancestor.Id.ToArray());
            foreach (var parent in ancestor.Parents)
            {
                if (seen.Add(parent))
                {
                    queue.Enqueue(parent);
                }
            }
        }

        return (result, true);
    }

    private static byte[] ItemId(Hash256 owner, ulong index)
    {
        var id = new byte[Hash256.Size + 8];
        owner.CopyTo(id);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(id.AsSpan(Hash256.Size), index);
        return id;
    }

    private void Prove(string fact, string space, byte[] id, bool mayBeAbsent = false) =>
        ProveKey(fact, space, id, StateKeys.For(space, id), mayBeAbsent);

    private void ProveKey(string fact, string space, byte[] id, Hash256 keyHash, bool mayBeAbsent)
    {
        var value = _committed.State.Get(keyHash);
        if (value is null)
        {
            Ledger.Invariant.Check(mayBeAbsent, $"report fact {fact} ({space}) is missing from the state it was read from");
            return;
        }

        var proof = _committed.Prove(keyHash);
        Ledger.Invariant.Check(proof.VerifyInclusion(_committed.StateRoot, keyHash, StateHashing.ValueHash(value)), $"the proof of report fact {fact} ({space}) does not verify against the header's state root");
        _facts.Add(new ProvenFactView(fact, space, "0x" + Hex.Encode(id), RegistryViews.Id(keyHash), "0x" + Hex.Encode(value), "0x" + Hex.Encode(Canonical.Encode(proof))));
    }
}
