using System.Collections.Concurrent;
using DaiChain.Ledger.Chain;
using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Genesis;
using DaiChain.Ledger.Primitives;
using DaiChain.Ledger.State;
using DaiChain.Ledger.Storage;
using DaiChain.Ledger.Transactions;

namespace DaiChain.Ledger.Execution;

/// <summary>
/// The committed chain in a key-value store: blocks, receipts, indexes, validator sets and the versioned state
/// tree. Each block commits in one atomic (synced) write batch, so after a crash the store holds the previous
/// or the next block, never part of one; reopening resumes from the last committed block.
/// </summary>
/// <remarks>
/// One writer (the node's commit path) and any number of readers. <see cref="Head"/> is an immutable view
/// that stays valid while later blocks commit. Column layout: <see cref="ChainColumns"/>; state layout:
/// docs/spec/state.md.
/// </remarks>
public sealed class ChainStore
{
    private static readonly byte[] ChainKey = "chain"u8.ToArray();
    private static readonly byte[] HeadKey = "head"u8.ToArray();

    private readonly IKeyValueStore _store;
    private readonly ChainRules _rules;
    private readonly ChainStoreOptions _options;
    private readonly StoreTreeNodeReader _nodes;
    private readonly ConcurrentDictionary<ulong, ValidatorSet> _validatorSets = new();
    private readonly Lock _commitGate = new();
    private readonly StateValueStore _values;
    private ChainMeta? _meta;
    private volatile ChainView? _head;

    /// <summary>Opens the chain in <paramref name="store"/> (opened with <see cref="ChainColumns.All"/>), resuming from its last block.</summary>
    public ChainStore(IKeyValueStore store, ChainRules rules, ChainStoreOptions? options = null)
    {
        _store = store;
        _rules = rules;
        _options = options ?? new ChainStoreOptions();
        _nodes = new StoreTreeNodeReader(store, _options.NodeCacheEntries);
        var height = 0UL;
        if (store.TryGet(ChainColumns.Meta, ChainKey, out var metaBytes))
        {
            _meta = Canonical.Decode<ChainMeta>(metaBytes);
            height = StoreKeys.ReadHeight(store.Get(ChainColumns.Meta, HeadKey));
        }

        _values = new StateValueStore(store, _options.ValueCacheEntries, height);
        if (_meta is not null)
        {
            _head = LoadView(height);
        }
    }

    public bool IsInitialized => _meta is not null;

    public ChainMeta Meta => _meta ?? throw NotInitialized();

    /// <summary>The chain as of the last committed block (height 0: genesis state only).</summary>
    public ChainView Head => _head ?? throw NotInitialized();

    public ulong Height => Head.Height;

    /// <summary>Writes the genesis state (version 0) and the validator set of heights 1 and 2. Once per store.</summary>
    /// <exception cref="InvalidOperationException">The store already holds a chain.</exception>
    public void InitializeGenesis(GenesisDocument genesis)
    {
        lock (_commitGate)
        {
            if (_meta is not null)
            {
                throw new InvalidOperationException($"the store already holds chain '{_meta.ChainId}'");
            }

            var (state, validators) = GenesisState.Build(genesis, _rules);
            var changes = state.SortedChanges();
            var updates = changes.Select(c => new TreeUpdate(c.Key, c.Value is null ? null : StateHashing.ValueHash(c.Value))).ToList();
            var tree = new StateTree(_nodes).Update(TreeRoot.Empty, 0, updates);
            var meta = new ChainMeta(genesis.ChainId, genesis.GenesisTimeMs, genesis.Hash(), genesis.Consensus);

            var batch = new WriteBatch();
            WriteState(batch, tree, changes, 0);
            batch.Put(ChainColumns.ValidatorSets, StoreKeys.Height(1), Canonical.Encode(validators));
            batch.Put(ChainColumns.Meta, ChainKey, Canonical.Encode(meta));
            batch.Put(ChainColumns.Meta, HeadKey, StoreKeys.Height(0));
            _store.Write(batch, _options.SyncCommits);

            _meta = meta;
            _validatorSets[1] = validators;
            AfterCommit(0, tree, changes);
        }
    }

    /// <summary>
    /// Commits an executed block: block, receipts, indexes, validator set changes and state, in one atomic
    /// batch, synced when <see cref="ChainStoreOptions.SyncCommits"/>. The result must come from executing this
    /// block on <see cref="Head"/>.
    /// </summary>
    public void Commit(Block block, BlockExecutionResult result)
    {
        lock (_commitGate)
        {
            var head = Head;
            var height = block.Height;
            Invariant.Check(height == head.Height + 1 && result.Height == height, $"block {height} does not follow the committed height {head.Height}");
            Invariant.Check(result.StateRoot == block.Header.StateRoot && result.ReceiptsRoot == block.Header.ReceiptsRoot, $"block {height}'s header does not match its execution result");
            Invariant.Check(result.Receipts.Count == block.Transactions.Count, $"block {height} has {block.Transactions.Count} transactions and {result.Receipts.Count} receipts");

            var batch = new WriteBatch();
            var heightKey = StoreKeys.Height(height);
            batch.Put(ChainColumns.Blocks, heightKey, block.Encode());
            batch.Put(ChainColumns.BlockHashes, StoreKeys.HashKey(block.Hash), heightKey);
            batch.Put(ChainColumns.Receipts, heightKey, EncodeReceipts(result.Receipts));
            WriteIndexes(batch, block, result);
            if (result.ValidatorSetChanged)
            {
                batch.Put(ChainColumns.ValidatorSets, StoreKeys.Height(height + 2), Canonical.Encode(result.ValidatorsAfterNext));
            }

            WriteState(batch, result.Tree, result.StateChanges, height);
            Prune(batch, height);
            batch.Put(ChainColumns.Meta, HeadKey, heightKey);
            _store.Write(batch, _options.SyncCommits);

            if (result.ValidatorSetChanged)
            {
                _validatorSets[height + 2] = result.ValidatorsAfterNext;
            }

            AfterCommit(height, result.Tree, result.StateChanges);
        }
    }

    public Block? GetBlock(ulong height) =>
        _store.TryGet(ChainColumns.Blocks, StoreKeys.Height(height), out var bytes) ? Block.FromBytes(bytes) : null;

    public Block? GetBlock(Hash256 hash) =>
        _store.TryGet(ChainColumns.BlockHashes, StoreKeys.HashKey(hash), out var height) ? GetBlock(StoreKeys.ReadHeight(height)) : null;

    public BlockHeader? GetHeader(ulong height) => GetBlock(height)?.Header;

    public IReadOnlyList<Receipt>? GetReceipts(ulong height)
    {
        if (!_store.TryGet(ChainColumns.Receipts, StoreKeys.Height(height), out var bytes))
        {
            return null;
        }

        var reader = new CanonicalReader(bytes);
        var receipts = reader.ReadList("receipts", ChainLimits.MaxTransactionsPerBlock, Receipt.Decode);
        reader.EnsureEnd("receipts");
        return receipts;
    }

    /// <summary>Where a transaction committed, if it did (transactions rejected for their nonce are not indexed).</summary>
    public TransactionLocation? FindTransaction(Hash256 transactionHash)
    {
        if (!_store.TryGet(ChainColumns.TransactionIndex, StoreKeys.HashKey(transactionHash), out var bytes))
        {
            return null;
        }

        var (height, index) = StoreKeys.ReadLocation(bytes);
        return new TransactionLocation(transactionHash, height, index);
    }

    /// <summary>
    /// Transactions that involve <paramref name="account"/> (as sender, or named in an event), newest first,
    /// at heights up to <paramref name="beforeHeight"/> (exclusive), at most <paramref name="limit"/>.
    /// </summary>
    public IReadOnlyList<TransactionLocation> TransactionsOf(Address account, int limit, ulong beforeHeight = ulong.MaxValue)
    {
        var from = StoreKeys.AccountTransaction(account, 0, 0);
        var to = StoreKeys.AccountTransaction(account, beforeHeight, 0);
        var result = new List<TransactionLocation>();
        foreach (var entry in _store.Range(ChainColumns.AccountTransactions, from, to, ScanDirection.Reverse))
        {
            var (height, index) = StoreKeys.ReadLocation(entry.Key.AsSpan(Address.Size));
            result.Add(new TransactionLocation(new Hash256(entry.Value), height, index));
            if (result.Count >= limit)
            {
                break;
            }
        }

        return result;
    }

    /// <summary>The validator set of <paramref name="height"/> (1 ≤ height ≤ head + 2).</summary>
    public ValidatorSet? GetValidatorSet(ulong height)
    {
        if (height == 0 || _meta is null || height > (_head?.Height ?? 0) + 2)
        {
            return null;
        }

        if (_validatorSets.TryGetValue(height, out var cached))
        {
            return cached;
        }

        foreach (var entry in _store.Range(ChainColumns.ValidatorSets, StoreKeys.Height(0), StoreKeys.Height(height + 1), ScanDirection.Reverse))
        {
            var set = Canonical.Decode<ValidatorSet>(entry.Value);
            if (_validatorSets.Count < 4096)
            {
                _validatorSets[height] = set;
            }

            return set;
        }

        return null;
    }

    /// <summary>The first height whose state is still readable (older versions are pruned).</summary>
    public ulong OldestStateVersion =>
        _options.RetainedStateVersions == 0 || Height < _options.RetainedStateVersions ? 0 : Height - _options.RetainedStateVersions + 1;

    /// <summary>The state tree root after block <paramref name="height"/>; null when pruned or not yet committed.</summary>
    public TreeRoot? GetStateRoot(ulong height) =>
        height < OldestStateVersion || !_store.TryGet(ChainColumns.StateRoots, StoreKeys.Height(height), out var bytes)
            ? null
            : Canonical.Decode<TreeRoot>(bytes);

    /// <summary>The state after block <paramref name="height"/>; null when that height is pruned or in the future.</summary>
    public IStateReader? GetState(ulong height) =>
        height > Height || height < OldestStateVersion ? null : new VersionedStateReader(_values, height);

    /// <summary>A proof of <paramref name="keyHash"/>'s value (or absence) after block <paramref name="height"/>.</summary>
    public StateProof? Prove(ulong height, Hash256 keyHash) =>
        GetStateRoot(height) is { } root ? new StateTree(_nodes).Prove(root, keyHash) : null;

    /// <summary>
    /// The value of <paramref name="keyHash"/> after block <paramref name="height"/> with its proof; null when that
    /// height is pruned or not committed. Verify it against the state root of header <paramref name="height"/>.
    /// </summary>
    public ProvenValue? GetWithProof(ulong height, Hash256 keyHash)
    {
        var state = GetState(height);
        var root = GetStateRoot(height);
        if (state is null || root is null)
        {
            return null;
        }

        var proof = new StateTree(_nodes).Prove(root.Value, keyHash);
        return new ProvenValue(height, root.Value.Hash, keyHash, state.Get(keyHash), proof);
    }

    private ChainView LoadView(ulong height)
    {
        var root = Canonical.Decode<TreeRoot>(_store.Get(ChainColumns.StateRoots, StoreKeys.Height(height)));
        var header = height == 0 ? null : GetHeader(height);
        Invariant.Check(height == 0 || header is not null, $"block {height} is the head but is not stored");
        Invariant.Check(header is null || header.StateRoot == root.Hash, $"block {height}'s state root does not match the stored tree root");
        return new ChainView(this, Meta, height, header, root, new VersionedStateReader(_values, height), _nodes);
    }

    private void AfterCommit(ulong height, TreeUpdateBatch tree, IReadOnlyList<KeyValuePair<Hash256, byte[]?>> changes)
    {
        foreach (var (key, node) in tree.NewNodes)
        {
            _nodes.Remember(key, node);
        }

        _values.Advance(height, changes);
        _head = LoadView(height);
    }

    private static void WriteState(WriteBatch batch, TreeUpdateBatch tree, IReadOnlyList<KeyValuePair<Hash256, byte[]?>> changes, ulong version)
    {
        Span<byte> nodeKey = stackalloc byte[NodeKey.MaxEncodedSize];
        foreach (var (key, node) in tree.NewNodes)
        {
            batch.Put(ChainColumns.StateNodes, nodeKey[..key.Encode(nodeKey)], node.Encode());
        }

        foreach (var stale in tree.StaleNodes)
        {
            batch.Put(ChainColumns.StateStale, StoreKeys.VersionPrefixed(version, nodeKey[..stale.Encode(nodeKey)]), []);
        }

        foreach (var (key, value) in changes)
        {
            if (value is null)
            {
                batch.Put(ChainColumns.StateValues, StoreKeys.ValueVersion(key, version), [0]);
            }
            else
            {
                var versioned = new byte[value.Length + 1];
                versioned[0] = 1;
                value.CopyTo(versioned, 1);
                batch.Put(ChainColumns.StateValues, StoreKeys.ValueVersion(key, version), versioned);
            }

            batch.Put(ChainColumns.StateChanges, StoreKeys.VersionPrefixed(version, StoreKeys.HashKey(key)), []);
        }

        batch.Put(ChainColumns.StateRoots, StoreKeys.Height(version), Canonical.Encode(tree.Root));
    }

    /// <summary>
    /// Drops what only versions before the new oldest retained version c needed: nodes stale since c, value
    /// versions older than a change at c, and the root of c - 1.
    /// </summary>
    private void Prune(WriteBatch batch, ulong height)
    {
        var retained = _options.RetainedStateVersions;
        if (retained == 0 || height < retained)
        {
            return;
        }

        var oldest = height - retained + 1;
        var prefix = StoreKeys.Height(oldest);
        foreach (var entry in _store.Prefix(ChainColumns.StateStale, prefix))
        {
            var nodeKey = entry.Key.AsSpan(8);
            batch.Delete(ChainColumns.StateNodes, nodeKey);
            batch.Delete(ChainColumns.StateStale, entry.Key);
            _nodes.Forget(NodeKey.Decode(nodeKey));
        }

        foreach (var entry in _store.Prefix(ChainColumns.StateChanges, prefix))
        {
            var key = new Hash256(entry.Key.AsSpan(8));
            DropVersionsBelow(batch, key, oldest);
            batch.Delete(ChainColumns.StateChanges, entry.Key);
        }

        if (oldest > 0)
        {
            batch.Delete(ChainColumns.StateRoots, StoreKeys.Height(oldest - 1));
        }
    }

    /// <summary>Deletes every value version of <paramref name="key"/> older than <paramref name="oldest"/>.</summary>
    /// <remarks>
    /// A scan up from version 0 would also step over the tombstones of every version earlier prunes deleted,
    /// so a key changed in every block made each prune cost O(height) until compaction dropped them. Going
    /// down from <paramref name="oldest"/> instead meets the live versions first, and it can stop at the first
    /// version v whose state_changes entry is gone: that entry is deleted only by the prune at v, in the same
    /// batch that deleted every version of the key below v. Usually that is the first version met (the key's
    /// previous value); after a restart with a smaller retention (prunes skipped) or a retention switched on
    /// later, it walks down through every still-live version, so what is retained does not change.
    /// </remarks>
    private void DropVersionsBelow(WriteBatch batch, Hash256 key, ulong oldest)
    {
        var keyHash = StoreKeys.HashKey(key);
        foreach (var old in _store.Range(ChainColumns.StateValues, StoreKeys.ValueVersion(key, 0), StoreKeys.ValueVersion(key, oldest), ScanDirection.Reverse))
        {
            batch.Delete(ChainColumns.StateValues, old.Key);
            var version = StoreKeys.ReadHeight(old.Key.AsSpan(Hash256.Size));
            if (!_store.Contains(ChainColumns.StateChanges, StoreKeys.VersionPrefixed(version, keyHash)))
            {
                break;
            }
        }
    }

    private static void WriteIndexes(WriteBatch batch, Block block, BlockExecutionResult result)
    {
        for (var i = 0; i < block.Transactions.Count; i++)
        {
            var receipt = result.Receipts[i];
            if (receipt.Code is ErrorCodes.NonceTooLow or ErrorCodes.NonceTooHigh)
            {
                continue;
            }

            var hash = block.Transactions[i].Hash;
            batch.Put(ChainColumns.TransactionIndex, StoreKeys.HashKey(hash), StoreKeys.Location(block.Height, i));
            var accounts = new SortedSet<Address> { result.Senders[i] };
            foreach (var e in receipt.Events)
            {
                foreach (var attribute in e.Attributes)
                {
                    if (attribute.Value.Length == 42 && attribute.Value.StartsWith("0x", StringComparison.Ordinal) && Address.TryParse(attribute.Value, out var address))
                    {
                        accounts.Add(address);
                    }
                }
            }

            foreach (var account in accounts)
            {
                batch.Put(ChainColumns.AccountTransactions, StoreKeys.AccountTransaction(account, block.Height, i), StoreKeys.HashKey(hash));
            }
        }
    }

    private static byte[] EncodeReceipts(IReadOnlyList<Receipt> receipts)
    {
        var writer = new CanonicalWriter(64 + (receipts.Count * 64));
        try
        {
            writer.WriteList(receipts, ChainLimits.MaxTransactionsPerBlock, static (ref CanonicalWriter w, Receipt r) => r.Encode(ref w));
            return writer.ToArray();
        }
        finally
        {
            writer.Dispose();
        }
    }

    private static InvalidOperationException NotInitialized() =>
        new("the chain store holds no chain yet; initialize it from a genesis first");
}
