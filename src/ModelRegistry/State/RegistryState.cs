using System.Buffers.Binary;
using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Primitives;
using DaiChain.Ledger.State;
using DaiChain.ModelRegistry.Records;

namespace DaiChain.ModelRegistry.State;

/// <summary>Typed reads and writes of the registry's records (the layout is <see cref="RegistrySpaces"/>).</summary>
public static class RegistryState
{
    public static Hash256 ModelKey(Hash256 id) => StateKeys.For(RegistrySpaces.Model, id.ToArray());

    public static Hash256 VersionKey(Hash256 id) => StateKeys.For(RegistrySpaces.Version, id.ToArray());

    public static Hash256 CardKey(Hash256 versionId) => StateKeys.For(RegistrySpaces.Card, versionId.ToArray());

    public static Hash256 AliasKey(Hash256 aliasId) => StateKeys.For(RegistrySpaces.Alias, aliasId.ToArray());

    public static Hash256 DatasetKey(Hash256 hash) => StateKeys.For(RegistrySpaces.Dataset, hash.ToArray());

    public static Hash256 BenchmarkKey(string name) => StateKeys.For(RegistrySpaces.Benchmark, name);

    public static Hash256 ContributionKey(Hash256 id) => StateKeys.For(RegistrySpaces.Contribution, id.ToArray());

    public static Hash256 RoundKey(Hash256 id) => StateKeys.For(RegistrySpaces.Round, id.ToArray());

    public static Hash256 BatchKey(Hash256 id) => StateKeys.For(RegistrySpaces.Batch, id.ToArray());

    public static Hash256 UsageKey(Hash256 versionId) => StateKeys.For(RegistrySpaces.VersionUsage, versionId.ToArray());

    public static Hash256 EpochKey() => StateKeys.For(RegistrySpaces.Epoch, "current");

    public static Hash256 EpochRewardKey(ulong epoch) => StateKeys.For(RegistrySpaces.EpochReward, epoch);

    /// <summary>The key recording that <paramref name="validator"/>'s conflicting evaluations of (<paramref name="artifact"/>, <paramref name="benchmark"/>) were punished.</summary>
    public static Hash256 EvaluationReportKey(Address validator, Hash256 artifact, string benchmark)
    {
        // The benchmark name is last and the rest is fixed-size, so distinct triples never share an id.
        var name = System.Text.Encoding.UTF8.GetBytes(benchmark);
        var id = new byte[Address.Size + Hash256.Size + name.Length];
        validator.CopyTo(id);
        artifact.CopyTo(id.AsSpan(Address.Size));
        name.CopyTo(id.AsSpan(Address.Size + Hash256.Size));
        return StateKeys.For(RegistrySpaces.EvaluationReport, id);
    }

    public static Hash256 EpochUsageKey(ulong epoch, Hash256 versionId)
    {
        Span<byte> id = stackalloc byte[8 + Hash256.Size];
        BinaryPrimitives.WriteUInt64BigEndian(id, epoch);
        versionId.CopyTo(id[8..]);
        return StateKeys.For(RegistrySpaces.EpochUsage, id);
    }

    public static ModelRecord? GetModel(IStateReader state, Hash256 id) => Read<ModelRecord>(state, ModelKey(id));

    public static void PutModel(IStateAccess state, ModelRecord model) => state.Set(ModelKey(model.Id), Canonical.Encode(model));

    public static VersionRecord? GetVersion(IStateReader state, Hash256 id) => Read<VersionRecord>(state, VersionKey(id));

    public static void PutVersion(IStateAccess state, VersionRecord version) => state.Set(VersionKey(version.Id), Canonical.Encode(version));

    public static ModelCard? GetCard(IStateReader state, Hash256 versionId) => Read<ModelCard>(state, CardKey(versionId));

    public static AliasRecord? GetAlias(IStateReader state, Hash256 aliasId) => Read<AliasRecord>(state, AliasKey(aliasId));

    public static DatasetRecord? GetDataset(IStateReader state, Hash256 hash) => Read<DatasetRecord>(state, DatasetKey(hash));

    public static BenchmarkRecord? GetBenchmark(IStateReader state, string name) => Read<BenchmarkRecord>(state, BenchmarkKey(name));

    public static ContributionRecord? GetContribution(IStateReader state, Hash256 id) => Read<ContributionRecord>(state, ContributionKey(id));

    public static RoundRecord? GetRound(IStateReader state, Hash256 id) => Read<RoundRecord>(state, RoundKey(id));

    public static InferenceBatchRecord? GetBatch(IStateReader state, Hash256 id) => Read<InferenceBatchRecord>(state, BatchKey(id));

    public static VersionUsage GetUsage(IStateReader state, Hash256 versionId) => Read<VersionUsage>(state, UsageKey(versionId)) ?? VersionUsage.None;

    public static EpochState GetEpoch(IStateReader state) => Read<EpochState>(state, EpochKey()) ?? EpochState.First;

    public static EpochRewardRecord? GetEpochReward(IStateReader state, ulong epoch) => Read<EpochRewardRecord>(state, EpochRewardKey(epoch));

    public static ulong GetEpochUsage(IStateReader state, ulong epoch, Hash256 versionId)
    {
        var bytes = state.Get(EpochUsageKey(epoch, versionId));
        if (bytes is null)
        {
            return 0;
        }

        var reader = new CanonicalReader(bytes);
        var value = reader.ReadVarUInt("epoch_usage");
        reader.EnsureEnd("epoch_usage");
        return value;
    }

    public static void PutEpochUsage(IStateAccess state, ulong epoch, Hash256 versionId, ulong receipts)
    {
        var writer = new CanonicalWriter(stackalloc byte[10]);
        writer.WriteVarUInt(receipts);
        state.Set(EpochUsageKey(epoch, versionId), writer.ToArray());
    }

    public static void Put<T>(IStateAccess state, Hash256 key, T value)
        where T : ICanonicalEncodable<T> => state.Set(key, Canonical.Encode(value));

    public static T? Read<T>(IStateReader state, Hash256 key)
        where T : class, ICanonicalEncodable<T>
    {
        var bytes = state.Get(key);
        return bytes is null ? null : Canonical.Decode<T>(bytes);
    }

    /// <summary>Appends a 32-byte id to a list whose owner is <paramref name="owner"/>.</summary>
    public static ulong AppendId(IStateAccess state, string space, ReadOnlySpan<byte> owner, Hash256 id) => AppendList.Append(state, space, owner, id.ToArray());

    /// <summary>The ids at [<paramref name="from"/>, from + <paramref name="limit"/>) of an id list.</summary>
    public static List<Hash256> ReadIds(IStateReader state, string space, ReadOnlySpan<byte> owner, ulong from, int limit)
    {
        var count = AppendList.Count(state, space, owner);
        var ids = new List<Hash256>();
        for (var i = from; i < count && ids.Count < limit; i++)
        {
            var bytes = AppendList.Get(state, space, owner, i);
            Ledger.Invariant.Check(bytes is { Length: Hash256.Size }, $"{space} item {i} is missing or not an id");
            ids.Add(new Hash256(bytes));
        }

        return ids;
    }
}
