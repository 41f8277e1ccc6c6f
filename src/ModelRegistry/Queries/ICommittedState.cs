using DaiChain.Ledger.Primitives;
using DaiChain.Ledger.State;

namespace DaiChain.ModelRegistry.Queries;

/// <summary>The state after one committed block, with proofs against that block's header: what provenance reports are built on.</summary>
public interface ICommittedState
{
    string ChainId { get; }

    ulong Height { get; }

    Hash256 BlockHash { get; }

    /// <summary>The header's state root: every proof verifies against it.</summary>
    Hash256 StateRoot { get; }

    long BlockTimeMs { get; }

    IStateReader State { get; }

    /// <summary>An inclusion or exclusion proof of <paramref name="keyHash"/> against <see cref="StateRoot"/>.</summary>
    StateProof Prove(Hash256 keyHash);
}
