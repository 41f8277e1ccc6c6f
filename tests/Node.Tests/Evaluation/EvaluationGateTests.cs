using DaiChain.Ledger;
using DaiChain.Ledger.Primitives;
using DaiChain.ModelRegistry;
using DaiChain.ModelRegistry.Evaluation;
using DaiChain.ModelRegistry.Records;
using DaiChain.ModelRegistry.State;
using DaiChain.ModelRegistry.Transactions;
using DaiChain.Node.Evaluation;
using DaiChain.RegistryTestKit;

namespace DaiChain.Node.Tests.Evaluation;

/// <summary>The gate on one validator, with the real evaluator on the logistic-regression fixture.</summary>
public sealed class EvaluationGateTests
{
    private static EvaluationRequest RequestFor(GateHarness h, byte[] artifact, string benchmark = GateHarness.Benchmark)
    {
        var version = Samples.Version(GateHarness.ModelId, "0.0.1") with { ArtifactHash = Hash256.Compute(artifact), ArtifactSize = (ulong)artifact.Length, Benchmarks = [benchmark] };
        return Assert.Single(EvaluationGate.Requests(h.Chain.Head.State, version, out _)!);
    }

    [Fact]
    public async Task A_gated_version_is_proposed_only_after_its_evaluation_and_then_with_the_proposers_record()
    {
        await using var h = new GateHarness();
        var version = h.Version("1.0.0", h.Model);
        Assert.True(h.Chain.Mempool.Add(version).Accepted);

        var early = h.ProposeThroughGate();
        Assert.Empty(early.Transactions);
        Assert.Equal(1, h.Metrics.Deferred.Value);

        var evaluated = await h.Service.Request(RequestFor(h, h.Model));
        Assert.Equal(EvaluationStatus.Accepted, evaluated.Stored!.Result.Status);
        var block = h.ProposeThroughGate();
        Assert.Equal([RegistryKinds.RegisterModelVersion, RegistryKinds.RecordEvaluation], block.Transactions.Select(t => t.Kind));
        Assert.True(h.Gate.CheckLayout(block).IsSuccess);
        Assert.True(h.Gate.Check(block).IsSuccess);
        h.Commit(block);

        var recorded = RegistryState.GetVersion(h.Chain.Head.State, Samples.VersionId(GateHarness.ModelId, "1.0.0"))!;
        Assert.Equal(EvaluationState.Accepted, recorded.Evaluation);
        var entry = Assert.Single(recorded.Evaluations);
        Assert.Equal(9_590, entry.MetricValue);
        Assert.Equal(evaluated.Stored.Signed.Statement.ResultHash, entry.ResultHash);
    }

    [Fact]
    public async Task A_validator_prevotes_nil_when_the_proposers_record_differs_from_its_own_and_counts_it()
    {
        await using var h = new GateHarness();
        var own = (await h.Service.Request(RequestFor(h, h.Model))).Stored!.Result;
        var other = h.ValidatorKey(1);

        // Internally consistent, so it executes: only this validator's own evaluation can tell it is false.
        var forged = own with { Correct = 170, MetricValue = 170 * 10_000 / 171 };
        var lying = h.Propose(other, h.Version("1.0.0", h.Model), h.Tx(other, new RecordEvaluationPayload(Samples.VersionId(GateHarness.ModelId, "1.0.0"), [new EvaluationRecordEntry(GateHarness.Benchmark, forged)])));
        Assert.Equal(2, h.Chain.ExecutedOnHead(lying.Hash)!.Receipts.Count(r => r.Success));
        var verdict = h.Gate.Check(lying);
        Assert.Equal(RegistryErrorCodes.EvaluationMismatch, verdict.Code);
        Assert.Equal(1, h.Metrics.Checks.WithLabels("mismatch").Value);
        Assert.Contains("daichain_evaluation_proposal_checks_total{result=\"mismatch\"} 1", h.Registry.Expose(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_gate_decides_prevotes_only_a_decided_block_commits_whatever_this_validator_found()
    {
        await using var h = new GateHarness();
        var own = (await h.Service.Request(RequestFor(h, h.Model))).Stored!.Result;
        var other = h.ValidatorKey(1);
        var forged = own with { Correct = 170, MetricValue = 170 * 10_000 / 171 };
        var lying = h.Propose(other, h.Version("1.0.0", h.Model), h.Tx(other, new RecordEvaluationPayload(Samples.VersionId(GateHarness.ModelId, "1.0.0"), [new EvaluationRecordEntry(GateHarness.Benchmark, forged)])));
        var application = new DaiChain.Node.ConsensusPort.ChainApplication(h.Chain, gate: h.Gate);
        var bytes = lying.Encode();

        var verdict = application.ValidateBlock(lying.Height, bytes);
        Assert.False(verdict.IsValid);
        Assert.Contains(RegistryErrorCodes.EvaluationMismatch, verdict.Reason, StringComparison.Ordinal);

        application.Commit(lying.Height, bytes, Chain.NodeChains.Certify(h.Chain, lying));
        Assert.Equal(9_941, RegistryState.GetVersion(h.Chain.Head.State, Samples.VersionId(GateHarness.ModelId, "1.0.0"))!.Evaluations.Single().MetricValue);
    }

    [Fact]
    public async Task A_validator_prevotes_for_a_record_equal_to_its_own()
    {
        await using var h = new GateHarness();
        var other = h.ValidatorKey(1);
        var theirs = (await h.Service.Request(RequestFor(h, h.Model))).Stored!.Result;
        var honest = h.Propose(other, h.Version("1.0.0", h.Model), h.Tx(other, new RecordEvaluationPayload(Samples.VersionId(GateHarness.ModelId, "1.0.0"), [new EvaluationRecordEntry(GateHarness.Benchmark, theirs)])));
        Assert.True(h.Gate.Check(honest).IsSuccess);
        Assert.Equal(1, h.Metrics.Checks.WithLabels("ok").Value);
    }

    [Fact]
    public async Task A_gated_version_without_its_record_is_refused()
    {
        await using var h = new GateHarness();
        var bare = h.Propose(h.ValidatorKey(1), h.Version("1.0.0", h.Model));
        Assert.Equal(EvaluationPairing.UnpairedCode, h.Gate.Check(bare).Code);
        Assert.Equal(1, h.Metrics.Checks.WithLabels("unpaired").Value);
    }

    [Fact]
    public async Task A_malformed_model_is_dropped_from_the_mempool_with_invalid_model_and_commits_nothing()
    {
        await using var h = new GateHarness();
        var malformed = h.Model[..(h.Model.Length / 2)];
        await h.Artifacts.PutAsync(Hash256.Compute(malformed), malformed);
        var version = h.Version("1.0.0", malformed);
        Assert.True(h.Chain.Mempool.Add(version).Accepted);
        var dropped = new List<(Hash256 Transaction, Outcome Reason)>();
        h.Gate.DroppedObserver = (transaction, reason) => dropped.Add((transaction, reason));

        var outcome = await h.Service.Request(RequestFor(h, malformed));
        Assert.Equal(EvaluationStatus.InvalidModel, outcome.Stored!.Result.Status);
        Assert.Contains("malformed", outcome.Stored.Message, StringComparison.OrdinalIgnoreCase);
        var block = h.ProposeThroughGate();
        Assert.Empty(block.Transactions);
        Assert.False(h.Chain.Mempool.Contains(version.Hash));
        Assert.Equal(1, h.Metrics.Dropped.Value);
        var (droppedTransaction, reason) = Assert.Single(dropped);
        Assert.Equal(version.Hash, droppedTransaction);
        Assert.Equal(RegistryErrorCodes.InvalidModel, reason.Code);
        h.Commit(block);
        Assert.Null(RegistryState.GetVersion(h.Chain.Head.State, Samples.VersionId(GateHarness.ModelId, "1.0.0")));
    }

    [Fact]
    public async Task Judging_waits_for_its_own_evaluation_at_most_the_bound_then_prevotes_nil()
    {
        var release = new TaskCompletionSource();
        var inputs = new HeldInputs(release.Task);
        await using var h = new GateHarness(inputs, maxWait: TimeSpan.FromMilliseconds(200));
        inputs.Inner = new NodeEvaluationInputs(h.Artifacts, null, Path.Combine(h.CacheDirectory, "..", "private"));
        var other = h.ValidatorKey(1);

        // The right result, computed by another evaluator instance, while this validator's own is held back.
        var right = new Evaluator().Evaluate(h.Model, h.Dataset, GateHarness.Spec(9_000, Hash256.Compute(h.Dataset)));
        var block = h.Propose(other, h.Version("1.0.0", h.Model), h.Tx(other, new RecordEvaluationPayload(Samples.VersionId(GateHarness.ModelId, "1.0.0"), [new EvaluationRecordEntry(GateHarness.Benchmark, right)])));
        Assert.Equal("evaluation_pending", h.Gate.Check(block).Code);
        Assert.Equal(1, h.Metrics.Checks.WithLabels("unavailable").Value);

        release.SetResult();
        await h.Service.Request(RequestFor(h, h.Model));
        Assert.True(h.Gate.Check(block).IsSuccess);
    }

    /// <summary>Real inputs, held back until the test releases them: the evaluation is still running when a proposal arrives.</summary>
    private sealed class HeldInputs(Task release) : IEvaluationInputs
    {
        public NodeEvaluationInputs? Inner { get; set; }

        public async Task<byte[]> ModelAsync(Hash256 artifact, CancellationToken cancellationToken)
        {
            await release.WaitAsync(cancellationToken);
            return await Inner!.ModelAsync(artifact, cancellationToken);
        }

        public Task<byte[]> DatasetAsync(Hash256 dataset, DatasetVisibility visibility, CancellationToken cancellationToken) =>
            Inner!.DatasetAsync(dataset, visibility, cancellationToken);
    }
}
