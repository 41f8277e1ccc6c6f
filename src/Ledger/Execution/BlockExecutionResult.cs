using DaiChain.Ledger.Chain;
using DaiChain.Ledger.Primitives;
using DaiChain.Ledger.State;
using DaiChain.Ledger.Transactions;

namespace DaiChain.Ledger.Execution;

/// <summary>
/// Everything executing a block produced: the state changes and tree update to store, the receipts, the
/// validator set that takes effect at height + 2, and block-level events. Committed in one batch by the store.
/// </summary>
public sealed class BlockExecutionResult
{
    internal BlockExecutionResult(
        ulong height,
        TreeUpdateBatch tree,
        KeyValuePair<Hash256, byte[]?>[] stateChanges,
        IReadOnlyList<Receipt> receipts,
        IReadOnlyList<Address> senders,
        ValidatorSet nextNextValidators,
        bool validatorSetChanged,
        IReadOnlyList<ReceiptEvent> blockEvents)
    {
        Height = height;
        Tree = tree;
        StateChanges = stateChanges;
        Receipts = receipts;
        Senders = senders;
        ValidatorsAfterNext = nextNextValidators;
        ValidatorSetChanged = validatorSetChanged;
        BlockEvents = blockEvents;
        ReceiptsRoot = MerkleList.Root([.. receipts.Select(r => r.Hash)]);
    }

    public ulong Height { get; }

    public TreeUpdateBatch Tree { get; }

    public Hash256 StateRoot => Tree.Root.Hash;

    /// <summary>Every state write of the block, sorted by key; a null value deletes.</summary>
    public IReadOnlyList<KeyValuePair<Hash256, byte[]?>> StateChanges { get; }

    /// <summary>One per transaction, in block order.</summary>
    public IReadOnlyList<Receipt> Receipts { get; }

    public Hash256 ReceiptsRoot { get; }

    /// <summary>The recovered sender of each transaction, in block order.</summary>
    public IReadOnlyList<Address> Senders { get; }

    /// <summary>The validator set of height + 2, computed from the staking state after this block.</summary>
    public ValidatorSet ValidatorsAfterNext { get; }

    /// <summary>True when <see cref="ValidatorsAfterNext"/> differs from the set of height + 1.</summary>
    public bool ValidatorSetChanged { get; }

    /// <summary>Events of the block itself: unbonding releases, evidence punishments, governance decisions.</summary>
    public IReadOnlyList<ReceiptEvent> BlockEvents { get; }
}
