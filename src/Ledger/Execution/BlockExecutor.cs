using System.Collections.Concurrent;
using DaiChain.Ledger.Accounts;
using DaiChain.Ledger.Chain;
using DaiChain.Ledger.Governance;
using DaiChain.Ledger.Parameters;
using DaiChain.Ledger.Primitives;
using DaiChain.Ledger.Staking;
using DaiChain.Ledger.State;
using DaiChain.Ledger.Transactions;

namespace DaiChain.Ledger.Execution;

/// <summary>
/// Checks and executes blocks: the only code that turns a block and the previous state into the next state.
/// </summary>
/// <remarks>
/// <para>Checking a block: its structure (<see cref="Block.VerifyStructure"/>), its link to the committed chain
/// (height, previous hash, increasing time, chain id), the validator hashes and proposer against the known
/// sets, the last commit's signatures against the previous height's set, the block limits, and every
/// transaction's envelope and signature. Signatures are recovered in parallel across cores and cached by
/// transaction hash (<see cref="SenderCache"/>). Any failure rejects the whole block.</para>
/// <para>Executing: release due unbondings, punish evidence, run the transactions in order, run the registered
/// end-block steps (<see cref="ChainRules.EndBlockHandlers"/>), then tally governance and compute the validator
/// set of height + 2. A transaction whose nonce is not the sender's next nonce fails with
/// <c>nonce_too_low</c>/<c>nonce_too_high</c> and changes nothing; any other failure discards the handler's
/// writes but still consumes the nonce, so the same transaction can never run twice.
/// Finally the block's writes update the state tree at version = height, and the state root and receipts root
/// must equal the header's.</para>
/// <para>Deterministic by construction: one thread applies state changes in block order; parallel steps
/// (signature recovery, value hashing, tree hashing) produce results merged in a fixed order.</para>
/// </remarks>
public sealed class BlockExecutor
{
    private readonly ChainRules _rules;
    private readonly SenderCache _senders;
    private readonly ParallelOptions _parallel;

    /// <param name="rules">The frozen registries of the chain.</param>
    /// <param name="senders">Recovered senders; share one instance with the mempool so admitted transactions are not verified twice.</param>
    /// <param name="maxParallelism">Cores for signature recovery and hashing; -1 uses all.</param>
    public BlockExecutor(ChainRules rules, SenderCache senders, int maxParallelism = -1)
    {
        Invariant.Check(rules.IsFrozen, "chain rules must be frozen before execution");
        _rules = rules;
        _senders = senders;
        _parallel = new ParallelOptions { MaxDegreeOfParallelism = maxParallelism > 0 ? maxParallelism : Environment.ProcessorCount };
    }

    public ChainRules Rules => _rules;

    /// <summary>Checks <paramref name="block"/> against the committed chain and executes it.</summary>
    /// <returns>Success with the result to commit, or the first reason the block is invalid.</returns>
    public Outcome TryExecute(IChainView chain, Block block, out BlockExecutionResult? result)
    {
        result = null;
        var header = block.Header;
        var check = CheckLink(chain, header);
        if (!check.IsSuccess)
        {
            return check;
        }

        check = block.VerifyStructure();
        if (!check.IsSuccess)
        {
            return check;
        }

        var validators = chain.GetValidatorSet(header.Height);
        var next = chain.GetValidatorSet(header.Height + 1);
        Invariant.Check(validators is not null && next is not null, $"validator sets of heights {header.Height} and {header.Height + 1} are known after height {chain.Height}");
        check = CheckValidators(header, validators!, next!);
        if (!check.IsSuccess)
        {
            return check;
        }

        if (block.LastCommit is { } lastCommit)
        {
            var previousSet = chain.GetValidatorSet(header.Height - 1);
            Invariant.Check(previousSet is not null, $"validator set of height {header.Height - 1} is known");
            check = lastCommit.Verify(chain.ChainId, previousSet!);
            if (!check.IsSuccess)
            {
                return check;
            }
        }

        check = CheckLimits(chain.ConsensusParams, block);
        if (!check.IsSuccess)
        {
            return check;
        }

        var senders = new Address[block.Transactions.Count];
        check = CheckTransactions(chain.ChainId, block.Transactions, senders);
        if (!check.IsSuccess)
        {
            return check;
        }

        var context = NewContext(chain, header.Height, header.TimeMs, header.ProposerAddress, validators!);
        var run = Run(chain, context, next!, block.Transactions, senders, block.Evidence, proposing: false, leaveOutStaleNonces: false);
        if (!run.Outcome.IsSuccess)
        {
            return run.Outcome;
        }

        if (run.Result!.StateRoot != header.StateRoot)
        {
            return Outcome.Fail("block_bad_state_root", $"executing block {header.Height} gives state root {run.Result.StateRoot}, the header says {header.StateRoot}");
        }

        if (run.Result.ReceiptsRoot != header.ReceiptsRoot)
        {
            return Outcome.Fail("block_bad_receipts_root", $"executing block {header.Height} gives receipts root {run.Result.ReceiptsRoot}, the header says {header.ReceiptsRoot}");
        }

        result = run.Result;
        return Outcome.Success;
    }

    /// <summary>
    /// Builds the next block from <paramref name="request"/>: executes the candidates in order, leaving out those
    /// that fail envelope checks, whose nonce is not next, or that do not fit the block limits, and fills in the
    /// header's roots. The block passes <see cref="TryExecute"/> on any node.
    /// </summary>
    public (Block Block, BlockExecutionResult Result) Propose(IChainView chain, ProposalRequest request)
    {
        var height = chain.Height + 1;
        var validators = chain.GetValidatorSet(height);
        var next = chain.GetValidatorSet(height + 1);
        Invariant.Check(validators is not null && next is not null, $"validator sets of heights {height} and {height + 1} are known");
        var limits = chain.ConsensusParams;

        // Envelope checks first (parallel); candidates that fail them are dropped.
        var candidates = request.Transactions.Take(ChainLimits.MaxTransactionsPerBlock).ToArray();
        var candidateSenders = new Address[candidates.Length];
        var valid = new bool[candidates.Length];
        ForRanges(candidates.Length, 64, (from, to, _) =>
        {
            for (var i = from; i < to; i++)
            {
                valid[i] = CheckEnvelope(chain.ChainId, candidates[i], out candidateSenders[i]).IsSuccess;
            }
        });

        var byteBudget = (long)limits.MaxBlockBytes - 64 * 1024;
        var transactions = new List<SignedTransaction>();
        var senders = new List<Address>();
        for (var i = 0; i < candidates.Length && transactions.Count < limits.MaxBlockTransactions; i++)
        {
            if (!valid[i] || candidates[i].Size + 8 > byteBudget)
            {
                continue;
            }

            transactions.Add(candidates[i]);
            senders.Add(candidateSenders[i]);
            byteBudget -= candidates[i].Size + 8;
        }

        var evidence = request.Evidence.Take(limits.MaxBlockEvidence).ToList();
        var context = NewContext(chain, height, request.TimeMs, request.ProposerAddress, validators!);
        var run = Run(chain, context, next!, transactions, [.. senders], evidence, proposing: true, request.LeaveOutStaleNonces);
        Invariant.Check(run.Outcome.IsSuccess, $"proposing block {height} failed: {run.Outcome}");
        var result = run.Result!;
        var included = run.Included!;
        var header = new BlockHeader
        {
            ChainId = chain.ChainId,
            Height = height,
            TimeMs = request.TimeMs,
            PreviousBlockHash = chain.LastHeader?.Hash() ?? Hash256.Zero,
            LastCommitHash = request.LastCommit?.Hash ?? Hash256.Zero,
            TransactionsRoot = Block.ComputeTransactionsRoot(included),
            ReceiptsRoot = result.ReceiptsRoot,
            StateRoot = result.StateRoot,
            ValidatorsHash = validators!.Hash,
            NextValidatorsHash = next!.Hash,
            EvidenceHash = Block.ComputeEvidenceHash(run.IncludedEvidence!),
            ProposerAddress = request.ProposerAddress,
        };
        return (new Block(header, included, request.LastCommit, run.IncludedEvidence!), result);
    }

    /// <summary>
    /// The envelope checks every transaction passes before any state is read: chain id, a registered kind, a
    /// well-formed payload and a valid signature. Mempool and block checks share them.
    /// </summary>
    public Outcome CheckEnvelope(string chainId, SignedTransaction transaction, out Address sender)
    {
        sender = default;
        if (!string.Equals(transaction.ChainId, chainId, StringComparison.Ordinal))
        {
            return Outcome.Fail(ErrorCodes.WrongChainId, $"the transaction is for chain '{transaction.ChainId}', this is '{chainId}'; sign it for '{chainId}'");
        }

        var handler = _rules.Handlers.Find(transaction.Kind);
        if (handler is null)
        {
            return Outcome.Fail(ErrorCodes.UnknownKind, $"transaction kind {transaction.Kind} is not known to this chain");
        }

        var payload = handler.CheckPayload(transaction.Payload.Span);
        if (!payload.IsSuccess)
        {
            return payload;
        }

        return _senders.TryGetOrRecover(transaction, out sender)
            ? Outcome.Success
            : Outcome.Fail(ErrorCodes.BadSignature, "the signature does not recover a public key for this transaction; re-sign it");
    }

    /// <summary>
    /// Runs one transaction against the committed state as the mempool's admission check: nonce rules
    /// relaxed (any nonce at or above the account's), writes discarded.
    /// </summary>
    public Outcome CheckAgainstState(IChainView chain, SignedTransaction transaction, Address sender)
    {
        var height = chain.Height + 1;
        var validators = chain.GetValidatorSet(height);
        Invariant.Check(validators is not null, $"validator set of height {height} is known");
        var context = NewContext(chain, height, chain.LastHeader?.TimeMs ?? chain.GenesisTimeMs, Address.Zero, validators!);
        var overlay = new StateOverlay(chain.State);
        var account = AccountState.Get(overlay, sender);
        if (transaction.Nonce < account.Nonce)
        {
            return Outcome.Fail(ErrorCodes.NonceTooLow, $"nonce {transaction.Nonce} is already used; {sender}'s next nonce is {account.Nonce}");
        }

        var handler = _rules.Handlers.Find(transaction.Kind)!;
        return handler.Execute(new TransactionContext(context, transaction, sender, overlay, isCheck: true));
    }

    private BlockContext NewContext(IChainView chain, ulong height, long timeMs, Address proposer, ValidatorSet validators) => new()
    {
        ChainId = chain.ChainId,
        Height = height,
        TimeMs = timeMs,
        ProposerAddress = proposer,
        Validators = validators,
        Rules = _rules,
    };

    private static Outcome CheckLink(IChainView chain, BlockHeader header)
    {
        if (!string.Equals(header.ChainId, chain.ChainId, StringComparison.Ordinal))
        {
            return Outcome.Fail("block_wrong_chain", $"block is for chain '{header.ChainId}', this is '{chain.ChainId}'");
        }

        if (header.Height != chain.Height + 1)
        {
            return Outcome.Fail("block_wrong_height", $"block height {header.Height} does not follow the committed height {chain.Height}");
        }

        if (chain.LastHeader is { } last)
        {
            if (header.PreviousBlockHash != last.Hash())
            {
                return Outcome.Fail("block_wrong_previous", $"block {header.Height} builds on {header.PreviousBlockHash}, the committed block is {last.Hash()}");
            }

            if (header.TimeMs <= last.TimeMs)
            {
                return Outcome.Fail("block_time_not_increasing", $"block {header.Height}'s time {header.TimeMs} is not after the previous block's {last.TimeMs}");
            }
        }
        else if (header.TimeMs < chain.GenesisTimeMs)
        {
            return Outcome.Fail("block_time_before_genesis", $"the first block's time {header.TimeMs} is before genesis time {chain.GenesisTimeMs}");
        }

        return Outcome.Success;
    }

    private static Outcome CheckValidators(BlockHeader header, ValidatorSet validators, ValidatorSet next)
    {
        if (header.ValidatorsHash != validators.Hash)
        {
            return Outcome.Fail("block_wrong_validators", $"block {header.Height}'s validators hash is not the hash of the set of height {header.Height}");
        }

        if (header.NextValidatorsHash != next.Hash)
        {
            return Outcome.Fail("block_wrong_next_validators", $"block {header.Height}'s next validators hash is not the hash of the set of height {header.Height + 1}");
        }

        return validators.Contains(header.ProposerAddress)
            ? Outcome.Success
            : Outcome.Fail("block_proposer_not_validator", $"proposer {header.ProposerAddress} is not a validator at height {header.Height}");
    }

    private static Outcome CheckLimits(ConsensusParams limits, Block block)
    {
        if (block.Transactions.Count > limits.MaxBlockTransactions)
        {
            return Outcome.Fail("block_too_many_transactions", $"block has {block.Transactions.Count} transactions, the limit is {limits.MaxBlockTransactions}");
        }

        if (block.Evidence.Count > limits.MaxBlockEvidence)
        {
            return Outcome.Fail("block_too_much_evidence", $"block has {block.Evidence.Count} evidence items, the limit is {limits.MaxBlockEvidence}");
        }

        var bytes = block.Transactions.Sum(t => (long)t.Size + 8);
        return bytes <= limits.MaxBlockBytes
            ? Outcome.Success
            : Outcome.Fail("block_too_large", $"block transactions take {bytes} bytes, the limit is {limits.MaxBlockBytes}");
    }

    private Outcome CheckTransactions(string chainId, IReadOnlyList<SignedTransaction> transactions, Address[] senders)
    {
        var failures = new Outcome[transactions.Count];
        var failed = 0;
        ForRanges(transactions.Count, 64, (from, to, state) =>
        {
            for (var i = from; i < to && !state.ShouldExitCurrentIteration; i++)
            {
                var outcome = CheckEnvelope(chainId, transactions[i], out senders[i]);
                if (!outcome.IsSuccess)
                {
                    failures[i] = outcome;
                    Interlocked.Exchange(ref failed, 1);
                    state.Stop();
                    return;
                }
            }
        });
        if (failed == 0)
        {
            return Outcome.Success;
        }

        var index = Array.FindIndex(failures, f => !f.IsSuccess);
        return Outcome.Fail("block_invalid_transaction", $"transaction {index} ({transactions[index].Hash}) is invalid: {failures[index]}");
    }

    private RunOutput Run(IChainView chain, BlockContext context, ValidatorSet next, IReadOnlyList<SignedTransaction> transactions, Address[] senders, IReadOnlyList<DuplicateVoteEvidence> evidence, bool proposing, bool leaveOutStaleNonces)
    {
        var state = new StateOverlay(chain.State);
        var events = new List<ReceiptEvent>();

        Unbonding.ReleaseDue(state, context.Height, events);

        var includedEvidence = new List<DuplicateVoteEvidence>();
        foreach (var item in evidence)
        {
            var trial = new StateOverlay(state);
            var eventCount = events.Count;
            var outcome = Slashing.Apply(trial, context, item, chain.GetValidatorSet(item.Height), events);
            if (!outcome.IsSuccess)
            {
                if (!proposing)
                {
                    return RunOutput.Fail(Outcome.Fail(outcome.Code!, $"evidence {item.Hash} is invalid: {outcome.Message}"));
                }

                events.RemoveRange(eventCount, events.Count - eventCount);
                continue;
            }

            trial.MergeInto(state);
            includedEvidence.Add(item);
        }

        var receipts = new List<Receipt>(transactions.Count);
        var included = new List<SignedTransaction>(transactions.Count);
        var includedSenders = new List<Address>(transactions.Count);
        for (var i = 0; i < transactions.Count; i++)
        {
            var receipt = ExecuteTransaction(state, context, transactions[i], senders[i], leaveOutStaleNonces);
            if (receipt is null)
            {
                continue;
            }

            receipts.Add(receipt);
            included.Add(transactions[i]);
            includedSenders.Add(senders[i]);
        }

        foreach (var handler in _rules.EndBlockHandlers.Handlers)
        {
            handler.EndBlock(state, context, events);
        }

        GovernanceTally.EndBlock(state, context, events);
        var maxValidators = (int)ParameterState.Get(state, _rules.Parameters, LedgerParameters.MaxValidators);
        var afterNext = StakingState.ComputeActiveSet(state, maxValidators);
        Invariant.Check(afterNext is not null, $"block {context.Height} leaves no validator with power");

        var changes = state.SortedChanges();
        var updates = HashChanges(changes);
        var tree = new StateTree(chain.TreeNodes).Update(chain.StateRoot, context.Height, updates);
        var result = new BlockExecutionResult(context.Height, tree, changes, receipts, includedSenders, afterNext!, afterNext!.Hash != next.Hash, events);
        return new RunOutput(Outcome.Success, result, included, includedEvidence);
    }

    /// <summary>Runs one transaction; null when proposing and its nonce is not next (it is left out of the block).</summary>
    private Receipt? ExecuteTransaction(StateOverlay state, BlockContext context, SignedTransaction transaction, Address sender, bool skipBadNonce)
    {
        var account = AccountState.Get(state, sender);
        if (transaction.Nonce != account.Nonce)
        {
            if (skipBadNonce)
            {
                return null;
            }

            var outcome = transaction.Nonce < account.Nonce
                ? Outcome.Fail(ErrorCodes.NonceTooLow, $"nonce {transaction.Nonce} is already used; {sender}'s next nonce is {account.Nonce}")
                : Outcome.Fail(ErrorCodes.NonceTooHigh, $"nonce {transaction.Nonce} is ahead of {sender}'s next nonce {account.Nonce}");
            return new Receipt(transaction.Hash, outcome, []);
        }

        var overlay = new StateOverlay(state);
        var handler = _rules.Handlers.Find(transaction.Kind)!;
        var txContext = new TransactionContext(context, transaction, sender, overlay, isCheck: false);
        var result = handler.Execute(txContext);
        if (result.IsSuccess)
        {
            overlay.MergeInto(state);
        }

        account = AccountState.Get(state, sender);
        AccountState.Put(state, sender, account with { Nonce = account.Nonce + 1 });
        return new Receipt(transaction.Hash, result, txContext.Events);
    }

    private TreeUpdate[] HashChanges(KeyValuePair<Hash256, byte[]?>[] changes)
    {
        var updates = new TreeUpdate[changes.Length];
        ForRanges(changes.Length, 256, (from, to, _) =>
        {
            for (var i = from; i < to; i++)
            {
                var value = changes[i].Value;
                updates[i] = new TreeUpdate(changes[i].Key, value is null ? null : StateHashing.ValueHash(value));
            }
        });
        return updates;
    }

    /// <summary>
    /// Runs <paramref name="body"/> over [0, count) in contiguous ranges across cores; small counts run inline.
    /// Each index is written by exactly one range, so results do not depend on scheduling.
    /// </summary>
    private void ForRanges(int count, int minRange, Action<int, int, ParallelLoopState> body)
    {
        if (count == 0)
        {
            return;
        }

        var rangeSize = Math.Max(minRange, (count / (4 * _parallel.MaxDegreeOfParallelism)) + 1);
        Parallel.ForEach(Partitioner.Create(0, count, rangeSize), _parallel, (range, state) => body(range.Item1, range.Item2, state));
    }

    private sealed record RunOutput(Outcome Outcome, BlockExecutionResult? Result, List<SignedTransaction>? Included, List<DuplicateVoteEvidence>? IncludedEvidence)
    {
        public static RunOutput Fail(Outcome outcome) => new(outcome, null, null, null);
    }
}
