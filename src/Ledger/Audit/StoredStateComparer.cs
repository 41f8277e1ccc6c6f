using DaiChain.Ledger.Chain;
using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Execution;
using DaiChain.Ledger.Primitives;
using DaiChain.Ledger.Storage;
using DaiChain.Ledger.Transactions;

namespace DaiChain.Ledger.Audit;

/// <summary>
/// Compares what a node stored for a block with what the auditor's re-execution of that block produced, byte for
/// byte, and says what differs.
/// </summary>
/// <remarks>
/// Pruning is allowed for: a node deletes tree nodes and value versions that only heights before its oldest retained
/// version need, so an entry written at version h may be absent when h is older than that; a present entry must
/// always be exact.
/// </remarks>
internal static class StoredStateComparer
{
    public static Discrepancy? CompareReceipts(ulong height, IReadOnlyList<Receipt> stored, IReadOnlyList<Receipt> executed)
    {
        if (stored.Count != executed.Count)
        {
            return new Discrepancy(height, AuditCodes.ReceiptMismatch, "receipts", $"the node stored {stored.Count} receipts for block {height}, re-execution produced {executed.Count}");
        }

        for (var i = 0; i < stored.Count; i++)
        {
            var a = stored[i];
            var b = executed[i];
            if (Canonical.Encode(a).AsSpan().SequenceEqual(Canonical.Encode(b)))
            {
                continue;
            }

            var what = a.TransactionHash != b.TransactionHash ? $"is for transaction {a.TransactionHash}, not {b.TransactionHash}"
                : a.Success != b.Success || a.Code != b.Code ? $"says {Describe(a)}, re-execution gives {Describe(b)}"
                : a.Hash != b.Hash ? "has other events than re-execution produced"
                : $"has the message \"{a.Message}\", re-execution gives \"{b.Message}\"";
            return new Discrepancy(height, AuditCodes.ReceiptMismatch, $"receipt {i}", $"the stored receipt {i} of block {height} (transaction {b.TransactionHash}) {what}");
        }

        return null;
    }

    public static Discrepancy? CompareBlock(IStoredState stored, Block block, BlockExecutionResult result)
    {
        var height = block.Height;

        // Read when an entry is missing, not before: a running node prunes concurrently, and its oldest retained
        // version only grows, so a later read never wrongly blames the node.
        bool MayBePruned() => height < stored.OldestStateVersion;
        foreach (var (key, value) in result.StateChanges)
        {
            var expected = value is null ? [0] : Prefixed(value);
            var actual = stored.GetStateValue(key, height);
            if (actual is null ? !MayBePruned() : !actual.AsSpan().SequenceEqual(expected))
            {
                return new Discrepancy(height, AuditCodes.StoredValueMismatch, $"state value {key}", actual is null
                    ? $"block {height} wrote state key {key}, but the node stored no value for it at version {height}"
                    : $"the node stored {DescribeValue(actual, versioned: true)} for state key {key} at version {height}; re-executing block {height} wrote {DescribeValue(expected, versioned: true)}");
            }
        }

        foreach (var (key, node) in result.Tree.NewNodes)
        {
            var expected = node.Encode();
            var actual = stored.GetTreeNode(key);
            if (actual is null ? !MayBePruned() : !actual.AsSpan().SequenceEqual(expected))
            {
                var where = $"tree node (version {key.Version}, depth {key.Depth}, path {key.Path})";
                return new Discrepancy(height, AuditCodes.StoredNodeMismatch, where, actual is null
                    ? $"block {height} wrote {where}, but the node does not have it"
                    : $"the node's {where} is {actual.Length} bytes (sha256 {Hash256.Compute(actual)}); re-executing block {height} wrote {expected.Length} bytes (sha256 {Hash256.Compute(expected)})");
            }
        }

        var root = stored.GetStateRoot(height);
        var expectedRoot = Canonical.Encode(result.Tree.Root);
        if (root is null ? !MayBePruned() : !root.AsSpan().SequenceEqual(expectedRoot))
        {
            return new Discrepancy(height, AuditCodes.StoredRootMismatch, "state root", root is null
                ? $"the node has no state root for version {height}"
                : $"the node's stored state root record for version {height} differs from re-execution's (root {result.StateRoot})");
        }

        if (stored.FindBlockHeight(block.Hash) is var indexed && indexed != height)
        {
            return new Discrepancy(height, AuditCodes.StoredIndexMismatch, "block hash index", $"the node's block-hash index gives {(indexed is null ? "nothing" : $"height {indexed}")} for block {height} ({block.Hash})");
        }

        for (var i = 0; i < block.Transactions.Count; i++)
        {
            if (result.Receipts[i].Code is ErrorCodes.NonceTooLow or ErrorCodes.NonceTooHigh)
            {
                continue;
            }

            var hash = block.Transactions[i].Hash;
            var location = stored.FindTransaction(hash);
            if (location is not { } at || at.Height != height || at.Index != i)
            {
                return new Discrepancy(height, AuditCodes.StoredIndexMismatch, "transaction index", $"the node's transaction index gives {(location is { } l ? $"height {l.Height} index {l.Index}" : "nothing")} for transaction {hash}, which is transaction {i} of block {height}");
            }
        }

        return null;
    }

    /// <summary>Merges the node's latest state with the replay's, both ascending by key, and reports the first difference.</summary>
    public static Discrepancy? CompareLatest(ulong height, IStoredState stored, IKeyValueReader replay)
    {
        using var mine = LatestStateValues.Read(replay).GetEnumerator();
        using var theirs = stored.LatestState().GetEnumerator();
        var hasMine = mine.MoveNext();
        var hasTheirs = theirs.MoveNext();
        while (hasMine || hasTheirs)
        {
            var order = !hasMine ? 1 : !hasTheirs ? -1 : mine.Current.Key.CompareTo(theirs.Current.Key);
            if (order < 0)
            {
                var key = mine.Current.Key;
                return new Discrepancy(height, AuditCodes.StoredLatestMismatch, $"latest state value {key}", $"the node's current state has no value for key {key}; re-execution to height {height} gives {DescribeValue(mine.Current.Value, versioned: false)}");
            }

            if (order > 0)
            {
                var key = theirs.Current.Key;
                return new Discrepancy(height, AuditCodes.StoredLatestMismatch, $"latest state value {key}", $"the node's current state has {DescribeValue(theirs.Current.Value, versioned: false)} for key {key}, which re-execution to height {height} does not have");
            }

            if (!mine.Current.Value.AsSpan().SequenceEqual(theirs.Current.Value))
            {
                var key = theirs.Current.Key;
                return new Discrepancy(height, AuditCodes.StoredLatestMismatch, $"latest state value {key}", $"the node's current value of key {key} is {DescribeValue(theirs.Current.Value, versioned: false)}; re-execution to height {height} gives {DescribeValue(mine.Current.Value, versioned: false)}");
            }

            hasMine = mine.MoveNext();
            hasTheirs = theirs.MoveNext();
        }

        return null;
    }

    private static byte[] Prefixed(byte[] value)
    {
        var bytes = new byte[value.Length + 1];
        bytes[0] = 1;
        value.CopyTo(bytes, 1);
        return bytes;
    }

    private static string DescribeValue(byte[] bytes, bool versioned)
    {
        if (versioned && bytes.Length == 1 && bytes[0] == 0)
        {
            return "a deletion";
        }

        var value = versioned && bytes.Length > 0 ? bytes.AsSpan(1) : bytes;
        return value.Length <= 48 ? $"value 0x{Hex.Encode(value)}" : $"a {value.Length}-byte value (sha256 {Hash256.Compute(value)})";
    }

    private static string Describe(Receipt receipt) => receipt.Success ? "success" : $"failure '{receipt.Code}'";
}
