using System.Diagnostics;
using DaiChain.Ledger;
using DaiChain.Ledger.Accounts;
using DaiChain.Ledger.Chain;
using DaiChain.Ledger.Crypto;
using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Execution;
using DaiChain.Ledger.Primitives;
using DaiChain.Ledger.State;
using DaiChain.Ledger.Transactions;
using DaiChain.ModelRegistry;
using DaiChain.ModelRegistry.Evaluation;
using DaiChain.ModelRegistry.State;
using DaiChain.ModelRegistry.Transactions;
using DaiChain.Node.Chain;
using Microsoft.Extensions.Logging;

namespace DaiChain.Node.Evaluation;

/// <summary>
/// The evaluation gate on a validator (docs/spec/evaluation-gate.md): starts evaluations of the gated versions it
/// sees pending, proposes a gated version only once its own evaluation is done and then right before its signed
/// record, and prevotes for another proposer's block only when every record in it equals its own evaluation.
/// </summary>
/// <remarks>
/// <para>A version whose model cannot be evaluated (malformed, unsupported, over a limit) is dropped from the
/// mempool with code <c>invalid_model</c>: it commits nothing.</para>
/// <para>Judging waits for this node's own evaluation at most <see cref="MaxWait"/> per block (the round's propose
/// timeout), then prevotes nil: evaluation never holds consensus longer than a round. The verdicts themselves never
/// depend on that clock; only whether this validator has an opinion in time does.</para>
/// </remarks>
public sealed class EvaluationGate : IProposalGate, ICommitObserver
{
    /// <summary>Candidates looked at after each commit for gated versions to start evaluating.</summary>
    public const int ScanLimit = 256;

    private readonly LocalChain _chain;
    private readonly EvaluationService _service;
    private readonly PrivateKey _key;
    private readonly EvaluationMetrics _metrics;
    private readonly ILogger _logger;

    public EvaluationGate(LocalChain chain, EvaluationService service, PrivateKey validatorKey, TimeSpan maxWait, EvaluationMetrics metrics, ILogger logger)
    {
        _chain = chain;
        _service = service;
        _key = validatorKey;
        MaxWait = maxWait;
        _metrics = metrics;
        _logger = logger;
    }

    /// <summary>How long judging a block waits for this node's own evaluations.</summary>
    public TimeSpan MaxWait { get; }

    /// <summary>
    /// Told of each version transaction this gate drops from the mempool, with the reason; <c>tx_submit</c> callers
    /// waiting on it learn at once that it will never commit instead of waiting out their timeout.
    /// </summary>
    public Action<Hash256, Outcome>? DroppedObserver { get; set; }

    /// <summary>After a commit: starts evaluating the gated versions now pending in the mempool.</summary>
    public void OnCommitted(BlockCommitted committed) => Scan(committed.Head);

    /// <summary>Starts evaluating the gated versions among the mempool's next candidates.</summary>
    public void Scan(ChainView head)
    {
        foreach (var transaction in _chain.Mempool.Reap(ScanLimit, long.MaxValue))
        {
            if (Gated(transaction) is not { } version || Requests(head.State, version, out _) is not { } requests)
            {
                continue;
            }

            foreach (var request in requests)
            {
                if (_service.TryGet(request.Key) is { Result.Status: EvaluationStatus.InvalidModel } invalid)
                {
                    Drop(transaction, invalid);
                    break;
                }

                _ = _service.Request(request);
            }
        }
    }

    public IReadOnlyList<SignedTransaction> Compose(ChainView head, Address proposer, IReadOnlyList<SignedTransaction> candidates)
    {
        var chosen = new List<(SignedTransaction? Transaction, RecordEvaluationPayload? Record)>(candidates.Count);
        foreach (var transaction in candidates)
        {
            if (transaction.Kind == RegistryKinds.RecordEvaluation)
            {
                continue;
            }

            if (Gated(transaction) is not { } version)
            {
                chosen.Add((transaction, null));
                continue;
            }

            if (Requests(head.State, version, out var problem) is not { } requests)
            {
                _logger.LogDebug("not proposing version transaction {Hash}: {Problem}", transaction.Hash, problem);
                continue;
            }

            var results = requests.Select(r => _service.TryGet(r.Key)).ToList();
            if (results.Any(r => r is null))
            {
                foreach (var request in requests)
                {
                    _ = _service.Request(request);
                }

                _metrics.Deferred.Inc();
                continue;
            }

            if (results.FirstOrDefault(r => r!.Result.Status == EvaluationStatus.InvalidModel) is { } invalid)
            {
                Drop(transaction, invalid);
                continue;
            }

            chosen.Add((transaction, null));
            chosen.Add((null, new RecordEvaluationPayload(EvaluationPairing.VersionId(version), [.. results.Select(r => new EvaluationRecordEntry(r!.Benchmark, r.Result))])));
        }

        if (!chosen.Any(c => c.Record is not null))
        {
            return [.. chosen.Select(c => c.Transaction!)];
        }

        // The records take the proposer's next nonces in block order; the proposer's own pending transactions wait for
        // a later block rather than compete for them.
        var nonce = AccountState.Get(head.State, proposer).Nonce;
        var composed = new List<SignedTransaction>(chosen.Count);
        foreach (var (transaction, record) in chosen)
        {
            if (record is not null)
            {
                composed.Add(RegistryTransactions.Create(head.ChainId, nonce++, record).Sign(new InMemorySigner(_key)));
            }
            else if (!_chain.Executor.CheckEnvelope(head.ChainId, transaction!, out var sender).IsSuccess || sender != proposer)
            {
                composed.Add(transaction!);
            }
        }

        return composed;
    }

    public IReadOnlyList<SignedTransaction> WithoutGated(ChainView head, IReadOnlyList<SignedTransaction> candidates) =>
        [.. candidates.Where(t => t.Kind != RegistryKinds.RecordEvaluation && Gated(t) is null)];

    public Outcome CheckLayout(Block block) => Layout(block, out _);

    public Outcome Check(Block block)
    {
        if (!block.Transactions.Any(t => t.Kind is RegistryKinds.RegisterModelVersion or RegistryKinds.RecordEvaluation))
        {
            return Outcome.Success;
        }

        var layout = Layout(block, out var gated);
        if (!layout.IsSuccess)
        {
            return Count("unpaired", layout, block);
        }

        if (gated.Count == 0)
        {
            return Outcome.Success;
        }

        var head = _chain.Head;
        var started = Stopwatch.GetTimestamp();
        foreach (var item in gated)
        {
            if (Requests(head.State, item.Version, out var problem) is not { } requests)
            {
                return Count("unavailable", Outcome.Fail("evaluation_unavailable", $"version {RegistryIds.Format(item.Record.VersionId)} cannot be evaluated here: {problem}"), block);
            }

            for (var i = 0; i < requests.Count; i++)
            {
                var pending = _service.Request(requests[i]);
                var remaining = MaxWait - Stopwatch.GetElapsedTime(started);
                if (!pending.IsCompleted && (remaining <= TimeSpan.Zero || !pending.Wait(remaining)))
                {
                    return Count("unavailable", Outcome.Fail("evaluation_pending", $"this validator's evaluation of {requests[i].Key.Artifact} on '{requests[i].Key.Benchmark}' did not finish within {MaxWait.TotalMilliseconds:0} ms"), block);
                }

                var own = pending.Result;
                if (own.Stored is not { } stored)
                {
                    return Count("unavailable", Outcome.Fail("evaluation_unavailable", $"this validator cannot evaluate {requests[i].Key.Artifact} on '{requests[i].Key.Benchmark}': {own.Problem}"), block);
                }

                if (stored.Result.Status == EvaluationStatus.InvalidModel)
                {
                    return Count("invalid_model", Outcome.Fail(RegistryErrorCodes.InvalidModel, $"this validator finds the model of version {RegistryIds.Format(item.Record.VersionId)} invalid: {stored.Message}"), block);
                }

                var carried = item.Record.Entries[i].Result;
                var ownBytes = Canonical.Encode(stored.Result);
                if (!ownBytes.AsSpan().SequenceEqual(Canonical.Encode(carried)))
                {
                    _logger.LogWarning(
                        "evaluation mismatch in block {Height} ({Hash}) from proposer {Proposer}: version {Version} on '{Benchmark}': proposer's result {Theirs} ({TheirMetric}), ours {Ours} ({OurMetric}); prevoting nil",
                        block.Height,
                        block.Hash,
                        block.Header.ProposerAddress,
                        RegistryIds.Format(item.Record.VersionId),
                        requests[i].Key.Benchmark,
                        Hash256.Compute(Canonical.Encode(carried)),
                        carried.MetricValue,
                        Hash256.Compute(ownBytes),
                        stored.Result.MetricValue);
                    return Count("mismatch", Outcome.Fail(RegistryErrorCodes.EvaluationMismatch, $"the proposer's evaluation of version {RegistryIds.Format(item.Record.VersionId)} on '{requests[i].Key.Benchmark}' differs from this validator's"), block);
                }
            }
        }

        _metrics.Checks.WithLabels("ok").Inc();
        return Outcome.Success;
    }

    /// <summary>The pairing rule on <paramref name="block"/> as executed on the head, and its gated versions.</summary>
    private Outcome Layout(Block block, out IReadOnlyList<GatedVersion> gated)
    {
        if (_chain.ExecutedOnHead(block.Hash) is not { } executed)
        {
            gated = [];
            return Outcome.Fail("evaluation_unverifiable", $"block {block.Hash} was not executed on the head; its evaluation records cannot be checked");
        }

        return EvaluationPairing.Find(block.Transactions, executed.Receipts, executed.Senders, block.Header.ProposerAddress, out gated);
    }

    /// <summary>The evaluations a gated version needs on <paramref name="state"/>, or null with why they cannot be named.</summary>
    public static IReadOnlyList<EvaluationRequest>? Requests(IStateReader state, RegisterModelVersionPayload version, out string? problem)
    {
        var requests = new List<EvaluationRequest>(version.Benchmarks.Count);
        foreach (var name in version.Benchmarks)
        {
            var benchmark = RegistryState.GetBenchmark(state, name);
            if (benchmark is null)
            {
                problem = $"benchmark '{name}' is not registered";
                return null;
            }

            var dataset = RegistryState.GetDataset(state, benchmark.Definition.DatasetHash);
            if (dataset is null)
            {
                problem = $"the dataset of benchmark '{name}' is not registered";
                return null;
            }

            requests.Add(new EvaluationRequest(EvaluationKey.For(version.ArtifactHash, name, benchmark.Definition), benchmark.Definition, dataset.Visibility));
        }

        problem = null;
        return requests;
    }

    /// <summary>The registration payload when <paramref name="transaction"/> registers a version naming benchmarks.</summary>
    private static RegisterModelVersionPayload? Gated(SignedTransaction transaction) =>
        transaction.Kind == RegistryKinds.RegisterModelVersion && EvaluationPairing.TryDecode<RegisterModelVersionPayload>(transaction) is { Benchmarks.Count: > 0 } version
            ? version
            : null;

    private void Drop(SignedTransaction transaction, StoredEvaluation invalid)
    {
        if (_chain.Mempool.Remove(transaction.Hash))
        {
            _metrics.Dropped.Inc();
            _logger.LogWarning(
                "dropped version transaction {Hash}: {Code}: the model 0x{Artifact} cannot be evaluated on '{Benchmark}' ({Reason}): {Message}",
                transaction.Hash,
                RegistryErrorCodes.InvalidModel,
                invalid.Result.ModelHash,
                invalid.Benchmark,
                invalid.Result.RejectionReason,
                invalid.Message);
            DroppedObserver?.Invoke(
                transaction.Hash,
                Outcome.Fail(RegistryErrorCodes.InvalidModel, $"the model 0x{invalid.Result.ModelHash} cannot be evaluated on '{invalid.Benchmark}' ({invalid.Result.RejectionReason}): {invalid.Message}"));
        }
    }

    private Outcome Count(string result, Outcome outcome, Block block)
    {
        _metrics.Checks.WithLabels(result).Inc();
        _logger.LogWarning("prevoting nil on block {Height} ({Hash}): {Outcome}", block.Height, block.Hash, outcome);
        return outcome;
    }
}
