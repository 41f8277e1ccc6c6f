using System.Buffers.Binary;
using DaiChain.Ledger.Chain;
using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Execution;
using DaiChain.Ledger.Primitives;
using DaiChain.Ledger.State;
using DaiChain.Ledger.Storage;
using DaiChain.Ledger.Transactions;

namespace DaiChain.Ledger.Audit;

/// <summary>
/// A node's chain database (the layout of <see cref="ChainStore"/>, <see cref="ChainColumns"/>) read raw, as an
/// auditor's <see cref="IBlockSource"/> and <see cref="IStoredState"/>.
/// </summary>
/// <remarks>
/// Nothing here goes through <see cref="ChainStore"/>: a damaged database must be reported height by height, not
/// stop the reader when it opens. Open the database read-only (<see cref="RocksDbOptions.ReadOnly"/>) to read a
/// running node's folder without disturbing it: the reader then sees the chain as it was when opened.
/// </remarks>
public sealed class StoreBlockSource : IBlockSource, IStoredState
{
    // ChainStore's keys in the meta column (ChainColumns documents them).
    private static readonly byte[] ChainKey = "chain"u8.ToArray();
    private static readonly byte[] HeadKey = "head"u8.ToArray();

    private readonly IKeyValueReader _store;
    private readonly ColumnFamily? _certificates;

    /// <param name="store">A store opened with (at least) <see cref="ChainColumns.All"/>.</param>
    /// <param name="description">For messages.</param>
    /// <param name="certificates">
    /// A column of commit certificates by height (<c>u64</c> big-endian keys), where a node keeps the certificate of
    /// its newest block; null when the database has none.
    /// </param>
    public StoreBlockSource(IKeyValueReader store, string description, ColumnFamily? certificates = null)
    {
        _store = store;
        Description = description;
        _certificates = certificates;
    }

    public string Description { get; }

    /// <summary>What the database says it was created for; null when it holds no chain.</summary>
    public ChainMeta? Meta => _store.TryGet(ChainColumns.Meta, ChainKey, out var bytes) ? Canonical.Decode<ChainMeta>(bytes) : null;

    public ulong Height => _store.TryGet(ChainColumns.Meta, HeadKey, out var bytes) && bytes.Length == 8 ? BinaryPrimitives.ReadUInt64BigEndian(bytes) : 0;

    public ulong OldestStateVersion
    {
        get
        {
            foreach (var entry in _store.Range(ChainColumns.StateRoots, null, null))
            {
                return BinaryPrimitives.ReadUInt64BigEndian(entry.Key);
            }

            return 0;
        }
    }

    public Block? GetBlock(ulong height) =>
        _store.TryGet(ChainColumns.Blocks, HeightKey(height), out var bytes) ? Block.FromBytes(bytes) : null;

    /// <summary>The stored bytes of block <paramref name="height"/>, undecoded.</summary>
    public byte[]? GetBlockBytes(ulong height) =>
        _store.TryGet(ChainColumns.Blocks, HeightKey(height), out var bytes) ? bytes : null;

    public CommitCertificate? GetCertificate(ulong height) =>
        _certificates is { } column && _store.TryGet(column, HeightKey(height), out var bytes) ? Canonical.Decode<CommitCertificate>(bytes) : null;

    public ValidatorSet? GetValidatorSet(ulong height)
    {
        if (height == 0)
        {
            return null;
        }

        foreach (var entry in _store.Range(ChainColumns.ValidatorSets, HeightKey(0), HeightKey(height + 1), ScanDirection.Reverse))
        {
            return Canonical.Decode<ValidatorSet>(entry.Value);
        }

        return null;
    }

    public IReadOnlyList<ulong> GetValidatorSetChangeHeights(ulong upToHeight)
    {
        var heights = new List<ulong>();
        foreach (var entry in _store.Range(ChainColumns.ValidatorSets, HeightKey(0), upToHeight == ulong.MaxValue ? null : HeightKey(upToHeight + 1)))
        {
            heights.Add(BinaryPrimitives.ReadUInt64BigEndian(entry.Key));
        }

        return heights;
    }

    public IReadOnlyList<Receipt>? GetReceipts(ulong height)
    {
        if (!_store.TryGet(ChainColumns.Receipts, HeightKey(height), out var bytes))
        {
            return null;
        }

        var reader = new CanonicalReader(bytes);
        var receipts = reader.ReadList("receipts", ChainLimits.MaxTransactionsPerBlock, Receipt.Decode);
        reader.EnsureEnd("receipts");
        return receipts;
    }

    public byte[]? GetStateValue(Hash256 keyHash, ulong version)
    {
        var key = new byte[Hash256.Size + 8];
        keyHash.CopyTo(key);
        BinaryPrimitives.WriteUInt64BigEndian(key.AsSpan(Hash256.Size), version);
        return _store.TryGet(ChainColumns.StateValues, key, out var bytes) ? bytes : null;
    }

    public byte[]? GetTreeNode(NodeKey key) =>
        _store.TryGet(ChainColumns.StateNodes, key.Encode(), out var bytes) ? bytes : null;

    public byte[]? GetStateRoot(ulong version) =>
        _store.TryGet(ChainColumns.StateRoots, HeightKey(version), out var bytes) ? bytes : null;

    public ulong? FindBlockHeight(Hash256 blockHash) =>
        _store.TryGet(ChainColumns.BlockHashes, blockHash.ToArray(), out var bytes) && bytes.Length == 8 ? BinaryPrimitives.ReadUInt64BigEndian(bytes) : null;

    public (ulong Height, int Index)? FindTransaction(Hash256 transactionHash) =>
        _store.TryGet(ChainColumns.TransactionIndex, transactionHash.ToArray(), out var bytes) && bytes.Length == 12
            ? (BinaryPrimitives.ReadUInt64BigEndian(bytes), (int)BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(8)))
            : null;

    public IEnumerable<KeyValuePair<Hash256, byte[]>> LatestState() => LatestStateValues.Read(_store);

    private static byte[] HeightKey(ulong height)
    {
        var key = new byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(key, height);
        return key;
    }
}
