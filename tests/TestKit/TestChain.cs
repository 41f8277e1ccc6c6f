using DaiChain.Ledger;
using DaiChain.Ledger.Chain;
using DaiChain.Ledger.Crypto;
using DaiChain.Ledger.Execution;
using DaiChain.Ledger.Genesis;
using DaiChain.Ledger.Primitives;
using DaiChain.Ledger.Storage;
using DaiChain.Ledger.Transactions;

namespace DaiChain.TestKit;

/// <summary>
/// A chain driven by a test with production wiring: a <see cref="ChainStore"/> over any store (a
/// <see cref="MemoryStore"/> by default), the real <see cref="BlockExecutor"/>, and commit certificates signed
/// by the validators' fixed keys. Blocks are proposed, checked as a peer would check them, then committed.
/// </summary>
public sealed class TestChain
{
    public const long BlockIntervalMs = 1_000;

    private readonly Dictionary<Address, PrivateKey> _keys = [];
    private CommitCertificate? _lastCommit;

    public TestChain(GenesisDocument? genesis = null, IKeyValueStore? store = null, ChainRules? rules = null, ChainStoreOptions? options = null)
    {
        Genesis = genesis ?? Build.A.Genesis.Build();
        Rules = rules ?? ChainRules.WithLedgerBuiltIns().Freeze();
        KeyValueStore = store ?? NewMemoryStore();
        Store = new ChainStore(KeyValueStore, Rules, options ?? new ChainStoreOptions { SyncCommits = false });
        if (!Store.IsInitialized)
        {
            Store.InitializeGenesis(Genesis);
        }

        Senders = new SenderCache();
        Executor = new BlockExecutor(Rules, Senders);
        for (var i = 0; i < 16; i++)
        {
            _keys[Keys.Validator(i).Address] = Keys.Validator(i);
            _keys[Keys.Account(i).Address] = Keys.Account(i);
        }

        if (Store.Height > 0)
        {
            _lastCommit = CommitFor(Store.GetBlock(Store.Height)!);
        }
    }

    public GenesisDocument Genesis { get; }

    public ChainRules Rules { get; }

    public IKeyValueStore KeyValueStore { get; }

    public ChainStore Store { get; }

    public SenderCache Senders { get; }

    public BlockExecutor Executor { get; }

    public ChainView Head => Store.Head;

    public ulong Height => Store.Height;

    public string ChainId => Genesis.ChainId;

    public static MemoryStore NewMemoryStore() => new(new StoreOptions { ColumnFamilies = ChainColumns.All, SyncWritesByDefault = false });

    /// <summary>Makes a key known so that this chain can sign commits with it (for validators added by governance).</summary>
    public void Know(PrivateKey key) => _keys[key.Address] = key;

    public long NextTimeMs => (Head.LastHeader?.TimeMs ?? Genesis.GenesisTimeMs) + BlockIntervalMs;

    /// <summary>Builds the next block as its proposer would, without committing it.</summary>
    public (Block Block, BlockExecutionResult Result) Propose(IReadOnlyList<SignedTransaction> transactions, IReadOnlyList<DuplicateVoteEvidence>? evidence = null, long? timeMs = null, bool leaveOutStaleNonces = true)
    {
        var validators = Head.GetValidatorSet(Height + 1)!;
        return Executor.Propose(Head, new ProposalRequest
        {
            TimeMs = timeMs ?? NextTimeMs,
            ProposerAddress = validators[(int)(Height % (ulong)validators.Count)].Address,
            LastCommit = _lastCommit,
            Transactions = transactions,
            Evidence = evidence ?? [],
            LeaveOutStaleNonces = leaveOutStaleNonces,
        });
    }

    /// <summary>Proposes, checks as a peer (<see cref="BlockExecutor.TryExecute"/>) and commits the next block.</summary>
    public Block CommitNext(params SignedTransaction[] transactions) => CommitNext(transactions, null);

    public Block CommitNext(IReadOnlyList<SignedTransaction> transactions, IReadOnlyList<DuplicateVoteEvidence>? evidence)
    {
        var (block, _) = Propose(transactions, evidence);
        return Commit(block);
    }

    /// <summary>Commits a block holding exactly <paramref name="transactions"/>, stale nonces included (as a careless proposer would).</summary>
    public Block CommitExactly(params SignedTransaction[] transactions)
    {
        var (block, _) = Propose(transactions, leaveOutStaleNonces: false);
        return Commit(block);
    }

    /// <summary>Checks and commits <paramref name="block"/>; throws with the rejection when it is invalid.</summary>
    public Block Commit(Block block)
    {
        var outcome = Executor.TryExecute(Head, block, out var result);
        if (!outcome.IsSuccess)
        {
            throw new InvalidOperationException($"block {block.Height} rejected: {outcome}");
        }

        Store.Commit(block, result!);
        _lastCommit = CommitFor(block);
        return block;
    }

    /// <summary>Commits empty blocks until the head reaches <paramref name="height"/>.</summary>
    public void AdvanceTo(ulong height)
    {
        while (Height < height)
        {
            CommitNext();
        }
    }

    /// <summary>The commit certificate of <paramref name="block"/>: precommits in round 0 by every validator of its height.</summary>
    public CommitCertificate CommitFor(Block block, IEnumerable<int>? signerIndexes = null)
    {
        var validators = Store.GetValidatorSet(block.Height)!;
        var indexes = signerIndexes ?? Enumerable.Range(0, validators.Count);
        var votes = indexes.Select(i => Vote.Sign(_keys[validators[i].Address].Signer(), ChainId, VoteType.Precommit, block.Height, 0, block.Hash, block.Header.TimeMs + 100 + i, i));
        return CommitCertificate.FromPrecommits(block.Height, 0, block.Hash, votes);
    }

    public CommitCertificate? LastCommit => _lastCommit;

    public PrivateKey KeyOf(Address address) => _keys[address];

    public Outcome TryCommit(Block block)
    {
        var outcome = Executor.TryExecute(Head, block, out var result);
        if (outcome.IsSuccess)
        {
            Store.Commit(block, result!);
            _lastCommit = CommitFor(block);
        }

        return outcome;
    }
}
