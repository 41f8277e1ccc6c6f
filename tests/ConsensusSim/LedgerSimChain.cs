using DaiChain.Consensus.Application;
using DaiChain.Consensus.Engine;
using DaiChain.Ledger.Chain;
using DaiChain.Ledger.Execution;
using DaiChain.Ledger.Genesis;
using DaiChain.Ledger.Mempool;
using DaiChain.Ledger.Primitives;
using DaiChain.Ledger.Transactions;
using DaiChain.TestKit;

namespace DaiChain.ConsensusSim;

/// <summary>
/// A simulated node's state on the real ledger: a <see cref="ChainStore"/> over a memory store, the
/// <see cref="BlockExecutor"/>, a <see cref="TransactionPool"/>, and the engine's port
/// <see cref="ChainApplication"/>. Slashing, jailing and validator-set changes at H + 2 are the ledger's own.
/// </summary>
public sealed class LedgerSimChain : ISimChain
{
    private readonly ChainStore _chain;
    private readonly TransactionPool _mempool;
    private readonly List<Hash256> _hashes = [];
    private readonly HashSet<(Address, ulong)> _punished = [];
    private int _evidence;
    private int _transactions;

    public LedgerSimChain(GenesisDocument genesis, ChainRules rules, SenderCache senders)
    {
        _chain = new ChainStore(TestChain.NewMemoryStore(), rules, new ChainStoreOptions { SyncCommits = false });
        _chain.InitializeGenesis(genesis);
        var executor = new BlockExecutor(rules, senders, maxParallelism: 1);
        _mempool = new TransactionPool(new MempoolOptions(), executor, _chain.Head);
        Port = new CrashAfterCommit(this, new ChainApplication(_chain, executor, _mempool, new MemoryCommitCertificateStore()));
    }

    public IConsensusApplication Port { get; }

    public ulong LastCommittedHeight => _chain.Height;

    public IReadOnlyList<Hash256> CommittedHashes
    {
        get
        {
            CatchUp();
            return _hashes;
        }
    }

    public int CommittedEvidence
    {
        get
        {
            CatchUp();
            return _evidence;
        }
    }

    public int CommittedTransactions
    {
        get
        {
            CatchUp();
            return _transactions;
        }
    }

    /// <summary>Empty: a decided block that fails execution breaks an invariant in <see cref="ChainApplication"/> and halts the engine.</summary>
    public IReadOnlyList<string> ValidityViolations => [];

    public ulong? CrashAfterCommitOf { get; set; }

    public ChainStore Chain => _chain;

    public bool HasCommittedEvidence(Address validator, ulong height)
    {
        CatchUp();
        return _punished.Contains((validator, height));
    }

    /// <summary>The same block with a wrong state root: execution on any honest node rejects it.</summary>
    public BuiltBlock Corrupt(BuiltBlock built)
    {
        var block = Block.FromBytes(built.Block);
        var header = block.Header with { StateRoot = Hash256.Compute([.. block.Header.StateRoot.ToArray(), 0xBA, 0xD0]) };
        var broken = new Block(header, block.Transactions, block.LastCommit, block.Evidence);
        return new BuiltBlock(broken.Encode(), broken.Hash, header.TimeMs);
    }

    /// <summary>A client submits a transaction to this node's mempool.</summary>
    public bool Submit(SignedTransaction transaction) => _mempool.Add(transaction).Accepted;

    private void CatchUp()
    {
        while ((ulong)_hashes.Count < _chain.Height)
        {
            var block = _chain.GetBlock((ulong)_hashes.Count + 1)!;
            _hashes.Add(block.Hash);
            _evidence += block.Evidence.Count;
            _transactions += block.Transactions.Count;
            foreach (var item in block.Evidence)
            {
                _punished.Add((item.ValidatorAddress, item.Height));
            }
        }
    }

    private sealed class CrashAfterCommit(LedgerSimChain owner, ChainApplication inner) : IConsensusApplication
    {
        public ulong LastCommittedHeight => inner.LastCommittedHeight;

        public long LastBlockTimeMs => inner.LastBlockTimeMs;

        public ValidatorSet? ValidatorsAt(ulong height) => inner.ValidatorsAt(height);

        public BuiltBlock BuildProposal(BlockRequest request) => inner.BuildProposal(request);

        public BlockVerdict ValidateBlock(ulong height, byte[] block) => inner.ValidateBlock(height, block);

        public CommitOutcome Commit(ulong height, byte[] block, CommitCertificate certificate)
        {
            var outcome = inner.Commit(height, block, certificate);
            if (owner.CrashAfterCommitOf == height)
            {
                owner.CrashAfterCommitOf = null;
                throw new SimulatedCrashException($"crash right after committing height {height}");
            }

            return outcome;
        }

        public CommittedBlock? LoadCommitted(ulong height) => inner.LoadCommitted(height);
    }
}
