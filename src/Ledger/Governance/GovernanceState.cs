using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Primitives;
using DaiChain.Ledger.State;

namespace DaiChain.Ledger.Governance;

/// <summary>
/// Proposals in state: <c>proposal/{id}</c> (id as <c>u64</c>), <c>governance/next_id</c> and
/// <c>governance/open</c> (ascending ids of open proposals, the only list iterated).
/// </summary>
public static class GovernanceState
{
    public const int MaxOpenProposals = 1_000;

    private static readonly Hash256 NextIdKey = StateKeys.For("governance", "next_id");
    private static readonly Hash256 OpenKey = StateKeys.For("governance", "open");

    public static Hash256 ProposalKey(ulong id) => StateKeys.For("proposal", id);

    public static Proposal? Get(IStateReader state, ulong id)
    {
        var bytes = state.Get(ProposalKey(id));
        return bytes is null ? null : Canonical.Decode<Proposal>(bytes);
    }

    public static void Put(IStateAccess state, Proposal proposal) => state.Set(ProposalKey(proposal.Id), Canonical.Encode(proposal));

    /// <summary>Takes the next proposal id (ids start at 1).</summary>
    public static ulong TakeNextId(IStateAccess state)
    {
        var bytes = state.Get(NextIdKey);
        var next = bytes is null ? 1UL : ReadUInt64(bytes);
        var writer = new CanonicalWriter(stackalloc byte[8]);
        writer.WriteUInt64(next + 1);
        state.Set(NextIdKey, writer.ToArray());
        return next;
    }

    public static IReadOnlyList<ulong> GetOpen(IStateReader state)
    {
        var bytes = state.Get(OpenKey);
        if (bytes is null)
        {
            return [];
        }

        var reader = new CanonicalReader(bytes);
        var ids = reader.ReadList("governance.open", MaxOpenProposals, static (ref CanonicalReader r) => r.ReadUInt64("governance.open.id"));
        reader.EnsureEnd("governance.open");
        return ids;
    }

    public static void PutOpen(IStateAccess state, IReadOnlyList<ulong> ids)
    {
        if (ids.Count == 0)
        {
            state.Delete(OpenKey);
            return;
        }

        var sorted = ids.Order().ToArray();
        var writer = new CanonicalWriter(8 + (sorted.Length * 8));
        try
        {
            writer.WriteList(sorted, MaxOpenProposals, static (ref CanonicalWriter w, ulong id) => w.WriteUInt64(id));
            state.Set(OpenKey, writer.ToArray());
        }
        finally
        {
            writer.Dispose();
        }
    }

    private static ulong ReadUInt64(byte[] bytes)
    {
        var reader = new CanonicalReader(bytes);
        var value = reader.ReadUInt64("governance.next_id");
        reader.EnsureEnd("governance.next_id");
        return value;
    }
}
