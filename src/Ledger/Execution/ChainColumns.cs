using DaiChain.Ledger.Storage;

namespace DaiChain.Ledger.Execution;

/// <summary>The column families of a chain database. Open the store with <see cref="All"/>.</summary>
/// <remarks>
/// | family | key | value |
/// |---|---|---|
/// | <c>meta</c> | <c>"chain"</c>, <c>"head"</c> | <see cref="ChainMeta"/>; head height <c>u64</c> |
/// | <c>blocks</c> | height <c>u64</c> | block encoding |
/// | <c>block_hashes</c> | block hash | height <c>u64</c> |
/// | <c>receipts</c> | height <c>u64</c> | <c>list&lt;Receipt&gt;</c> |
/// | <c>tx_index</c> | transaction hash | height <c>u64</c> ‖ index <c>u32</c> |
/// | <c>account_txs</c> | address ‖ height <c>u64</c> ‖ index <c>u32</c> | transaction hash |
/// | <c>validator_sets</c> | first height <c>u64</c> it applies to | validator set encoding |
/// | <c>state_nodes</c>, <c>state_stale</c>, <c>state_values</c>, <c>state_roots</c>, <c>state_changes</c> | see docs/spec/state.md | |
/// </remarks>
public static class ChainColumns
{
    public static ColumnFamily Meta { get; } = new("meta");

    public static ColumnFamily Blocks { get; } = new("blocks");

    public static ColumnFamily BlockHashes { get; } = new("block_hashes");

    public static ColumnFamily Receipts { get; } = new("receipts");

    public static ColumnFamily TransactionIndex { get; } = new("tx_index");

    public static ColumnFamily AccountTransactions { get; } = new("account_txs");

    public static ColumnFamily ValidatorSets { get; } = new("validator_sets");

    public static ColumnFamily StateNodes { get; } = new("state_nodes");

    public static ColumnFamily StateStale { get; } = new("state_stale");

    public static ColumnFamily StateValues { get; } = new("state_values");

    public static ColumnFamily StateRoots { get; } = new("state_roots");

    /// <summary>version <c>u64</c> ‖ keyHash: the keys each version changed, for pruning value history.</summary>
    public static ColumnFamily StateChanges { get; } = new("state_changes");

    public static IReadOnlyList<ColumnFamily> All { get; } =
    [
        Meta, Blocks, BlockHashes, Receipts, TransactionIndex, AccountTransactions, ValidatorSets,
        StateNodes, StateStale, StateValues, StateRoots, StateChanges,
    ];
}
