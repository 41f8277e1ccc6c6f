using DaiChain.Ledger.Chain;
using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Primitives;
using DaiChain.Ledger.State;

namespace DaiChain.Ledger.Staking;

/// <summary>
/// Validator records and the unbonding queue in state: <c>validator/{address}</c> holds a
/// <see cref="ValidatorRecord"/>, <c>validators/index</c> the sorted list of record addresses (the only thing
/// iterated, so iteration order is the address order), <c>unbonding/{height}</c> the tokens released at that height.
/// </summary>
public static class StakingState
{
    /// <summary>Most validator records (active, inactive or jailed) the chain keeps.</summary>
    public const int MaxRecords = 1024;

    /// <summary>Most unbonding entries released at one height.</summary>
    public const int MaxUnbondingPerHeight = ChainLimits.MaxTransactionsPerBlock + ChainLimits.MaxValidators;

    private static readonly Hash256 IndexKey = StateKeys.For("validators", "index");

    public static Hash256 RecordKey(Address address) => StateKeys.For("validator", address);

    public static Hash256 UnbondingKey(ulong height) => StateKeys.For("unbonding", height);

    public static ValidatorRecord? GetRecord(IStateReader state, Address address)
    {
        var bytes = state.Get(RecordKey(address));
        return bytes is null ? null : Canonical.Decode<ValidatorRecord>(bytes);
    }

    /// <summary>Stores a record, adding it to the index when new.</summary>
    /// <exception cref="InvalidOperationException">The index is full.</exception>
    public static void PutRecord(IStateAccess state, ValidatorRecord record)
    {
        var index = GetIndex(state);
        var position = index.BinarySearch(record.Address);
        if (position < 0)
        {
            if (index.Count >= MaxRecords)
            {
                throw new InvalidOperationException($"the chain keeps at most {MaxRecords} validator records");
            }

            index.Insert(~position, record.Address);
            PutIndex(state, index);
        }

        state.Set(RecordKey(record.Address), Canonical.Encode(record));
    }

    public static void RemoveRecord(IStateAccess state, Address address)
    {
        var index = GetIndex(state);
        var position = index.BinarySearch(address);
        if (position >= 0)
        {
            index.RemoveAt(position);
            PutIndex(state, index);
        }

        state.Delete(RecordKey(address));
    }

    public static int RecordCount(IStateReader state) => GetIndex(state).Count;

    /// <summary>All records in address order.</summary>
    public static IEnumerable<ValidatorRecord> AllRecords(IStateReader state)
    {
        foreach (var address in GetIndex(state))
        {
            var record = GetRecord(state, address);
            Invariant.Check(record is not null, $"validator index lists {address} but it has no record");
            yield return record!;
        }
    }

    /// <summary>
    /// The active set the current records give: validators with power, the <paramref name="maxValidators"/>
    /// highest-powered (ties broken by address), in address order. Null when no validator has power.
    /// </summary>
    public static ValidatorSet? ComputeActiveSet(IStateReader state, int maxValidators)
    {
        var chosen = AllRecords(state)
            .Where(r => r.Power > 0)
            .OrderByDescending(r => r.Power)
            .ThenBy(r => r.Address)
            .Take(maxValidators)
            .Select(r => new Validator(r.PublicKey, r.Power))
            .ToList();
        if (chosen.Count == 0)
        {
            return null;
        }

        // Handlers refuse any change that would take the records' total power over the limit, so this holds.
        var total = chosen.Aggregate(UInt128.Zero, (sum, v) => sum + v.Power);
        Invariant.Check(total <= ChainLimits.MaxTotalVotingPower, $"active set power {total} exceeds the limit");
        return ValidatorSet.Create(chosen);
    }

    /// <summary>The summed power of every record; kept at most <see cref="ChainLimits.MaxTotalVotingPower"/>.</summary>
    public static UInt128 TotalPower(IStateReader state) => AllRecords(state).Aggregate(UInt128.Zero, (sum, r) => sum + r.Power);

    /// <summary>True when the records' total power is within <see cref="ChainLimits.MaxTotalVotingPower"/>.</summary>
    public static bool PowerWithinLimit(IStateReader state) => TotalPower(state) <= ChainLimits.MaxTotalVotingPower;

    public static IReadOnlyList<UnbondingEntry> GetUnbonding(IStateReader state, ulong height)
    {
        var bytes = state.Get(UnbondingKey(height));
        if (bytes is null)
        {
            return [];
        }

        var reader = new CanonicalReader(bytes);
        var entries = reader.ReadList("unbonding", MaxUnbondingPerHeight, UnbondingEntry.Decode);
        reader.EnsureEnd("unbonding");
        return entries;
    }

    public static void AddUnbonding(IStateAccess state, ulong releaseHeight, UnbondingEntry entry)
    {
        var entries = GetUnbonding(state, releaseHeight).ToList();
        entries.Add(entry);
        var writer = new CanonicalWriter(16 + (entries.Count * 30));
        try
        {
            writer.WriteList(entries, MaxUnbondingPerHeight, static (ref CanonicalWriter w, UnbondingEntry e) => e.Encode(ref w));
            state.Set(UnbondingKey(releaseHeight), writer.ToArray());
        }
        finally
        {
            writer.Dispose();
        }
    }

    public static void ClearUnbonding(IStateAccess state, ulong height) => state.Delete(UnbondingKey(height));

    private static List<Address> GetIndex(IStateReader state)
    {
        var bytes = state.Get(IndexKey);
        if (bytes is null)
        {
            return [];
        }

        var reader = new CanonicalReader(bytes);
        var addresses = reader.ReadList("validators.index", MaxRecords, static (ref CanonicalReader r) => r.ReadAddress("validators.index.address"));
        reader.EnsureEnd("validators.index");
        return [.. addresses];
    }

    private static void PutIndex(IStateAccess state, List<Address> index)
    {
        if (index.Count == 0)
        {
            state.Delete(IndexKey);
            return;
        }

        var writer = new CanonicalWriter(8 + (index.Count * Address.Size));
        try
        {
            writer.WriteList(index, MaxRecords, static (ref CanonicalWriter w, Address a) => w.WriteAddress(a));
            state.Set(IndexKey, writer.ToArray());
        }
        finally
        {
            writer.Dispose();
        }
    }
}
