using DaiChain.Ledger;
using DaiChain.Ledger.Chain;
using DaiChain.Ledger.Execution;
using DaiChain.Ledger.Mempool;
using DaiChain.Ledger.Primitives;
using Microsoft.Extensions.Logging;

namespace DaiChain.Node.Chain;

/// <summary>
/// The node's copy of the chain and the one place that commits blocks, whether consensus decided them or block
/// sync downloaded them: checks and executes blocks, builds proposals from the mempool, keeps commit
/// certificates, updates the mempool and tells the <see cref="ICommitObserver"/>s.
/// </summary>
/// <remarks>
/// Commits are serialized by one gate, and a block commits only on top of the current head, so consensus and
/// block sync can never commit two blocks at one height. Reads (RPC) use <see cref="ChainStore.Head"/> views and
/// stored blocks and never wait for the gate.
/// </remarks>
public sealed class LocalChain
{
    /// <summary>Executed blocks kept between validation and commit (one height has a few proposals at most).</summary>
    public const int ExecutedCacheCapacity = 16;

    private readonly ChainStore _store;
    private readonly BlockExecutor _executor;
    private readonly TransactionPool _mempool;
    private readonly CertificateStore _certificates;
    private readonly ILogger _logger;
    private readonly Lock _commitGate = new();
    private readonly Lock _cacheGate = new();
    private readonly Dictionary<Hash256, (Block Block, BlockExecutionResult Result)> _executed = [];
    private readonly Queue<Hash256> _executedOrder = new();
    private readonly int _maxProposalTransactions;
    private ICommitObserver[] _observers = [];

    public LocalChain(ChainStore store, BlockExecutor executor, TransactionPool mempool, CertificateStore certificates, ILogger<LocalChain> logger, int maxProposalTransactions = int.MaxValue)
    {
        _maxProposalTransactions = maxProposalTransactions;
        _store = store;
        _executor = executor;
        _mempool = mempool;
        _certificates = certificates;
        _logger = logger;
    }

    public ChainStore Store => _store;

    public BlockExecutor Executor => _executor;

    public TransactionPool Mempool => _mempool;

    public string ChainId => _store.Meta.ChainId;

    public ulong Height => _store.Height;

    public ChainView Head => _store.Head;

    /// <summary>Adds an observer; call during composition, before blocks commit.</summary>
    public void AddObserver(ICommitObserver observer) => _observers = [.. _observers, observer];

    /// <summary>
    /// The certificate that committed block <paramref name="height"/>: the last commit carried by block
    /// <paramref name="height"/> + 1 when it exists, else the one this node stored when it committed the block.
    /// </summary>
    public CommitCertificate? GetCertificate(ulong height)
    {
        if (height == 0 || height > Height)
        {
            return null;
        }

        return _store.GetBlock(height + 1)?.LastCommit ?? _certificates.Load(height);
    }

    /// <summary>
    /// Builds the next block: reaps the mempool within the chain's limits and executes the candidates; the block
    /// carries the last block's certificate. The execution is kept for <see cref="Commit"/>.
    /// </summary>
    public Block BuildProposal(long timeMs, Address proposer, IReadOnlyList<DuplicateVoteEvidence> evidence)
    {
        var head = _store.Head;
        var limits = head.ConsensusParams;
        var candidates = _mempool.Reap(Math.Min(limits.MaxBlockTransactions, _maxProposalTransactions), limits.MaxBlockBytes - (64 * 1024));
        var lastCommit = head.Height == 0 ? null : GetCertificate(head.Height);
        Invariant.Check(head.Height == 0 || lastCommit is not null, $"no commit certificate for the head block {head.Height}");
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var (block, result) = _executor.Propose(head, new ProposalRequest
        {
            TimeMs = timeMs,
            ProposerAddress = proposer,
            LastCommit = lastCommit,
            Transactions = candidates,
            Evidence = evidence,
        });
        Remember(block, result);
        var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (elapsed > 100)
        {
            _logger.LogInformation("slow proposal of block {Height} ({Transactions} of {Candidates} candidates): {Ms:0} ms", block.Height, block.Transactions.Count, candidates.Count, elapsed);
        }

        return block;
    }

    /// <summary>Checks and executes <paramref name="block"/> as the next block; the execution is kept for <see cref="Commit"/>.</summary>
    public Outcome Validate(Block block)
    {
        if (TryGetExecuted(block.Hash, out _))
        {
            return Outcome.Success;
        }

        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var outcome = _executor.TryExecute(_store.Head, block, out var result);
        if (outcome.IsSuccess)
        {
            Remember(block, result!);
        }

        var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (elapsed > 100)
        {
            _logger.LogInformation("slow validation of block {Height} ({Transactions} transactions): {Ms:0} ms", block.Height, block.Transactions.Count, elapsed);
        }

        return outcome;
    }

    /// <summary>
    /// Commits a block decided by consensus with <paramref name="certificate"/>: executes it unless it was
    /// validated already. A block that does not execute on the head is a broken invariant (+2/3 validated it).
    /// </summary>
    public BlockCommitted Commit(Block block, CommitCertificate certificate, CommitSource source)
    {
        lock (_commitGate)
        {
            Invariant.Check(block.Height == Height + 1, $"block {block.Height} does not follow the committed height {Height}");
            Invariant.Check(certificate.Height == block.Height && certificate.BlockHash == block.Hash, $"the certificate for block {certificate.Height} {certificate.BlockHash} does not commit block {block.Height} {block.Hash}");
            if (!TryGetExecuted(block.Hash, out var result))
            {
                var outcome = _executor.TryExecute(_store.Head, block, out result);
                Invariant.Check(outcome.IsSuccess, $"the decided block {block.Height} ({block.Hash}) does not execute: {outcome}");
            }

            return CommitExecuted(block, result!, certificate, source);
        }
    }

    /// <summary>
    /// Applies a block downloaded from a peer: the certificate must carry +2/3 of the power of the validator set
    /// of the block's height, for this block; then the block is checked, executed and committed.
    /// </summary>
    /// <returns>Success, or why the block or certificate is invalid (the peer that sent it is at fault).</returns>
    public Outcome ApplySynced(Block block, CommitCertificate certificate)
    {
        lock (_commitGate)
        {
            var head = _store.Head;
            if (block.Height != head.Height + 1)
            {
                return Outcome.Fail("sync_wrong_height", $"block {block.Height} does not follow the committed height {head.Height}");
            }

            if (certificate.Height != block.Height || certificate.BlockHash != block.Hash)
            {
                return Outcome.Fail("sync_certificate_mismatch", $"the certificate is for block {certificate.Height} {certificate.BlockHash}, not block {block.Height} {block.Hash}");
            }

            var validators = head.GetValidatorSet(block.Height);
            Invariant.Check(validators is not null, $"the validator set of height {block.Height} is known at height {head.Height}");
            var verified = certificate.Verify(head.ChainId, validators!);
            if (!verified.IsSuccess)
            {
                return verified;
            }

            var outcome = _executor.TryExecute(head, block, out var result);
            if (!outcome.IsSuccess)
            {
                return outcome;
            }

            CommitExecuted(block, result!, certificate, CommitSource.Sync);
            return Outcome.Success;
        }
    }

    private BlockCommitted CommitExecuted(Block block, BlockExecutionResult result, CommitCertificate certificate, CommitSource source)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        _certificates.Save(certificate);
        _store.Commit(block, result);
        lock (_cacheGate)
        {
            _executed.Clear();
            _executedOrder.Clear();
        }

        var stored = System.Diagnostics.Stopwatch.GetTimestamp();
        var head = _store.Head;
        var evicted = _mempool.Update(head, block.Transactions, SendersToRecheck(block, result));
        var updated = System.Diagnostics.Stopwatch.GetTimestamp();
        var committed = new BlockCommitted(block, result, certificate, head, evicted, source);
        LogTiming("commit", block, started, stored, updated);
        foreach (var observer in _observers)
        {
            try
            {
                observer.OnCommitted(committed);
            }
            catch (Exception e) when (e is not InvariantViolationException)
            {
                _logger.LogError(e, "commit observer {Observer} failed at height {Height}", observer.GetType().Name, block.Height);
            }
        }

        return committed;
    }

    /// <summary>
    /// For a block of plain transfers without evidence, only its senders can be worse off (nonce used, balance
    /// spent); anything else (staking, governance, roles, parameters, slashing) may affect any account, so the whole
    /// pool is re-checked.
    /// </summary>
    private static HashSet<Address>? SendersToRecheck(Block block, BlockExecutionResult result)
    {
        if (block.Evidence.Count > 0 || result.BlockEvents.Count > 0 || block.Transactions.Any(t => t.Kind != Ledger.Transactions.TransactionKinds.Transfer))
        {
            return null;
        }

        return [.. result.Senders];
    }

    private void LogTiming(string what, Block block, long started, long stored, long updated)
    {
        var store = System.Diagnostics.Stopwatch.GetElapsedTime(started, stored).TotalMilliseconds;
        var mempool = System.Diagnostics.Stopwatch.GetElapsedTime(stored, updated).TotalMilliseconds;
        if (store + mempool > 100)
        {
            _logger.LogInformation("slow {What} of block {Height} ({Transactions} transactions): store {StoreMs:0} ms, mempool update {MempoolMs:0} ms ({Pending} pending)", what, block.Height, block.Transactions.Count, store, mempool, _mempool.Count);
        }
    }

    private void Remember(Block block, BlockExecutionResult result)
    {
        lock (_cacheGate)
        {
            if (_executed.TryAdd(block.Hash, (block, result)))
            {
                _executedOrder.Enqueue(block.Hash);
                while (_executedOrder.Count > ExecutedCacheCapacity)
                {
                    _executed.Remove(_executedOrder.Dequeue());
                }
            }
        }
    }

    private bool TryGetExecuted(Hash256 hash, out BlockExecutionResult? result)
    {
        lock (_cacheGate)
        {
            if (_executed.TryGetValue(hash, out var entry) && entry.Result.Height == Height + 1)
            {
                result = entry.Result;
                return true;
            }
        }

        result = null;
        return false;
    }
}
