using DaiChain.Ledger.Accounts;
using DaiChain.Ledger.Crypto;
using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Primitives;
using DaiChain.Ledger.Transactions;
using DaiChain.ModelRegistry.Evaluation;
using DaiChain.ModelRegistry.Records;
using DaiChain.ModelRegistry.State;
using DaiChain.ModelRegistry.Transactions;
using DaiChain.RegistryTestKit;
using DaiChain.TestKit;

namespace DaiChain.ModelRegistry.Tests.Transactions;

/// <summary>RecordEvaluation (kind 112): the proposer's record of the version registered right before it.</summary>
public sealed class RecordEvaluationTests
{
    private static readonly Hash256 Model = Samples.ModelId(Actors.Alice.Address);
    private static readonly RegisterDatasetPayload Dataset = Samples.Dataset();

    private static RegistryChain Ready()
    {
        var chain = new RegistryChain();
        chain.Commit(chain.Tx(Actors.Alice, Samples.Model("resnet-mini")), chain.Tx(Actors.Carol, Dataset));
        chain.Commit(chain.Tx(Actors.Curator, Samples.Benchmark(Dataset.Hash)), chain.Tx(Actors.Curator, Samples.Benchmark(Dataset.Hash, "mnist-strict") with
        {
            Definition = Samples.Benchmark(Dataset.Hash).Definition with { Threshold = 9_800 },
        }));
        return chain;
    }

    /// <summary>The key of the validator that proposes the next block of <paramref name="chain"/> (TestChain's round robin).</summary>
    private static PrivateKey NextProposer(RegistryChain chain)
    {
        var validators = chain.Chain.Head.GetValidatorSet(chain.Height + 1)!;
        var address = validators[(int)(chain.Height % (ulong)validators.Count)].Address;
        return Enumerable.Range(0, 16).Select(Keys.Validator).First(k => k.Address == address);
    }

    private static RegisterModelVersionPayload Version(string semver, params string[] benchmarks) =>
        Samples.Version(Model, semver) with { Benchmarks = benchmarks };

    /// <summary>An accuracy result of <paramref name="correct"/> of 171 samples as the evaluator writes it.</summary>
    internal static EvaluationResult Accuracy(Hash256 artifact, Hash256 dataset, long correct, long threshold, long samples = 171)
    {
        var accepted = correct * 10_000 >= threshold * samples;
        return new EvaluationResult
        {
            EvaluatorVersion = Evaluator.Version,
            ModelHash = artifact,
            DatasetHash = dataset,
            Status = accepted ? EvaluationStatus.Accepted : EvaluationStatus.Rejected,
            Metric = BenchmarkMetric.Accuracy,
            MetricValue = correct * 10_000 / samples,
            Threshold = threshold,
            SampleCount = samples,
            Correct = correct,
            PrecisionBp = 9_550,
            RecallBp = 9_578,
            F1Bp = 9_564,
            WorkUnits = 34_472,
            OutputDigest = Hash256.Compute("outputs"u8),
        };
    }

    private static RecordEvaluationPayload Record(string semver, params (string Benchmark, EvaluationResult Result)[] entries) =>
        new(Samples.VersionId(Model, semver), [.. entries.Select(e => new EvaluationRecordEntry(e.Benchmark, e.Result))]);

    [Fact]
    public void The_proposer_records_an_accepted_verdict_with_its_metric_and_result_hash()
    {
        var chain = Ready();
        var proposer = NextProposer(chain);
        var result = Accuracy(Samples.Artifact("1.0.0"), Dataset.Hash, correct: 164, threshold: 9_000);
        var receipts = chain.Commit(
            chain.Tx(Actors.Alice, Version("1.0.0", "mnist-accuracy")),
            chain.Tx(proposer, Record("1.0.0", ("mnist-accuracy", result))));

        var version = RegistryState.GetVersion(chain.Chain.Head.State, Samples.VersionId(Model, "1.0.0"))!;
        Assert.Equal(EvaluationState.Accepted, version.Evaluation);
        var entry = Assert.Single(version.Evaluations);
        Assert.Equal(new EvaluationEntry("mnist-accuracy", EvaluationVerdict.Accepted, 9_590, 9_000, Hash256.Compute(Canonical.Encode(result)), chain.Height), entry);
        var evaluated = Assert.Single(receipts[1].Events);
        Assert.Equal("registry.version_evaluated", evaluated.Type);
        Assert.Equal("accepted", evaluated["verdict"]);
    }

    [Fact]
    public void A_model_below_one_threshold_is_committed_and_recorded_as_rejected()
    {
        var chain = Ready();
        var proposer = NextProposer(chain);
        var artifact = Samples.Artifact("1.0.0");
        chain.Commit(
            chain.Tx(Actors.Alice, Version("1.0.0", "mnist-accuracy", "mnist-strict")),
            chain.Tx(proposer, Record("1.0.0", ("mnist-accuracy", Accuracy(artifact, Dataset.Hash, 164, 9_000)), ("mnist-strict", Accuracy(artifact, Dataset.Hash, 164, 9_800)))));

        var version = RegistryState.GetVersion(chain.Chain.Head.State, Samples.VersionId(Model, "1.0.0"))!;
        Assert.Equal(EvaluationState.Rejected, version.Evaluation);
        Assert.Equal([EvaluationVerdict.Accepted, EvaluationVerdict.Rejected], version.Evaluations.Select(e => e.Verdict));
        Assert.Equal([9_590L, 9_590L], version.Evaluations.Select(e => e.MetricValue));
    }

    [Fact]
    public void Accuracy_at_exactly_the_threshold_is_accepted_in_integer_arithmetic()
    {
        var spec = Samples.Benchmark(Dataset.Hash).Definition with { Threshold = 9_000 };
        var exact = Accuracy(Hash256.Compute("m"u8), Dataset.Hash, correct: 90, threshold: 9_000, samples: 100);
        var below = Accuracy(Hash256.Compute("m"u8), Dataset.Hash, correct: 899, threshold: 9_000, samples: 1_000);
        Assert.Equal(EvaluationVerdict.Accepted, EvaluationVerdicts.Judge(spec, exact, out _));
        Assert.Equal(EvaluationVerdict.Rejected, EvaluationVerdicts.Judge(spec, below, out _));

        // 8999.9 bp rounds down to 8999 and is rejected; a stated "accepted" is caught.
        var lying = below with { Status = EvaluationStatus.Accepted };
        Assert.Null(EvaluationVerdicts.Judge(spec, lying, out var problem));
        Assert.Contains("rejected", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Regression_errors_pass_at_or_below_the_threshold()
    {
        var spec = new BenchmarkSpec { ScoredOutput = "y", Task = BenchmarkTask.Regression, Metric = BenchmarkMetric.MeanSquaredError, Threshold = 4_000, DatasetHash = Dataset.Hash };
        var result = new EvaluationResult
        {
            EvaluatorVersion = Evaluator.Version,
            ModelHash = Hash256.Compute("m"u8),
            DatasetHash = Dataset.Hash,
            Status = EvaluationStatus.Accepted,
            Metric = BenchmarkMetric.MeanSquaredError,
            MetricValue = 4_000,
            Threshold = 4_000,
            SampleCount = 10,
            MseMicro = 4_000,
            MaeMicro = 50,
        };
        Assert.Equal(EvaluationVerdict.Accepted, EvaluationVerdicts.Judge(spec, result, out _));
        Assert.Null(EvaluationVerdicts.Judge(spec, result with { MseMicro = 4_001, MetricValue = 4_001 }, out _));
        Assert.Equal(EvaluationVerdict.Rejected, EvaluationVerdicts.Judge(spec, result with { MseMicro = 4_001, MetricValue = 4_001, Status = EvaluationStatus.Rejected }, out _));
        Assert.Null(EvaluationVerdicts.Judge(spec, result with { MetricValue = 3_000 }, out _));
    }

    [Fact]
    public void Every_stateful_rejection_has_a_stable_code_and_changes_nothing_but_the_nonce()
    {
        var artifact = Samples.Artifact("1.0.0");
        var good = Accuracy(artifact, Dataset.Hash, 164, 9_000);
        var cases = new (string Code, Func<RegistryChain, PrivateKey, SignedTransaction> Record)[]
        {
            (RegistryErrorCodes.NotBlockProposer, (c, _) => c.Tx(Actors.Alice, Record("1.0.0", ("mnist-accuracy", good)))),
            (RegistryErrorCodes.UnknownVersion, (c, p) => c.Tx(p, Record("9.9.9", ("mnist-accuracy", good)))),
            (RegistryErrorCodes.EvaluationMismatch, (c, p) => c.Tx(p, Record("1.0.0", ("mnist-strict", Accuracy(artifact, Dataset.Hash, 164, 9_800))))),
            (RegistryErrorCodes.EvaluationMismatch, (c, p) => c.Tx(p, Record("1.0.0", ("mnist-accuracy", good with { ModelHash = Samples.Artifact("other") })))),
            (RegistryErrorCodes.EvaluationMismatch, (c, p) => c.Tx(p, Record("1.0.0", ("mnist-accuracy", good with { DatasetHash = Hash256.Compute("other"u8) })))),
            (RegistryErrorCodes.EvaluationMismatch, (c, p) => c.Tx(p, Record("1.0.0", ("mnist-accuracy", good with { Threshold = 8_000 })))),
            (RegistryErrorCodes.EvaluationMismatch, (c, p) => c.Tx(p, Record("1.0.0", ("mnist-accuracy", good with { Correct = 100 })))),
            (RegistryErrorCodes.EvaluationMismatch, (c, p) => c.Tx(p, Record("1.0.0", ("mnist-accuracy", good with { Status = EvaluationStatus.Rejected })))),
        };

        foreach (var (code, record) in cases)
        {
            var chain = Ready();
            var proposer = NextProposer(chain);
            var version = chain.Tx(Actors.Alice, Version("1.0.0", "mnist-accuracy"));
            var candidate = record(chain, proposer);
            AssertRejectedAfter(chain, version, candidate, code);
        }
    }

    [Fact]
    public void A_version_is_evaluated_once_and_only_in_the_block_that_registers_it()
    {
        var chain = Ready();
        var proposer = NextProposer(chain);
        var good = Accuracy(Samples.Artifact("1.0.0"), Dataset.Hash, 164, 9_000);
        var version = chain.Tx(Actors.Alice, Version("1.0.0", "mnist-accuracy"));
        var first = chain.Tx(proposer, Record("1.0.0", ("mnist-accuracy", good)));
        var second = chain.Tx(proposer, Record("1.0.0", ("mnist-accuracy", good)));
        var (block, result) = chain.Chain.Propose([version, first, second]);
        Assert.Equal(3, block.Transactions.Count);
        Assert.True(result.Receipts[1].Success);
        Assert.Equal(RegistryErrorCodes.AlreadyEvaluated, result.Receipts[2].Code);

        var later = Ready();
        later.Commit(later.Tx(Actors.Alice, Version("1.0.0", "mnist-accuracy")));
        var next = NextProposer(later);
        later.Rejects(later.Tx(next, Record("1.0.0", ("mnist-accuracy", good))), RegistryErrorCodes.EvaluationNotPending, next);
    }

    [Fact]
    public void Stateless_rejections_keep_the_record_out_of_any_block()
    {
        var chain = Ready();
        var proposer = NextProposer(chain);
        var good = Accuracy(Samples.Artifact("1.0.0"), Dataset.Hash, 164, 9_000);
        var invalid = good with { Status = EvaluationStatus.InvalidModel, MetricValue = 0, Correct = 0, RejectionReason = ModelRegistry.Evaluation.Onnx.ModelRejectionReason.Malformed };
        chain.Rejects(chain.Tx(proposer, Record("1.0.0", ("mnist-accuracy", invalid))), RegistryErrorCodes.InvalidModel, proposer);
        chain.Rejects(chain.Tx(proposer, Record("1.0.0", ("mnist-accuracy", good with { EvaluatorVersion = "other/2" }))), RegistryErrorCodes.UnsupportedEvaluator, proposer);
        chain.Rejects(chain.Tx(proposer, Record("1.0.0")), RegistryErrorCodes.EvaluationMismatch, proposer);
        chain.Rejects(chain.Tx(proposer, Record("1.0.0", ("mnist-accuracy", good), ("mnist-accuracy", good))), RegistryErrorCodes.EvaluationMismatch, proposer);
    }

    [Fact]
    public void A_record_never_passes_a_mempool_admission_check()
    {
        var chain = Ready();
        chain.Commit(chain.Tx(Actors.Alice, Version("1.0.0", "mnist-accuracy")));
        var proposer = NextProposer(chain);
        var record = chain.Tx(proposer, Record("1.0.0", ("mnist-accuracy", Accuracy(Samples.Artifact("1.0.0"), Dataset.Hash, 164, 9_000))));
        var outcome = chain.Chain.Executor.CheckAgainstState(chain.Chain.Head, record, proposer.Address);
        Assert.Equal(RegistryErrorCodes.NotBlockProposer, outcome.Code);
    }

    [Fact]
    public void The_payload_round_trips_canonically()
    {
        var payload = Record("1.0.0", ("mnist-accuracy", Accuracy(Samples.Artifact("1.0.0"), Dataset.Hash, 164, 9_000)));
        var bytes = Canonical.Encode(payload);
        var decoded = Canonical.Decode<RecordEvaluationPayload>(bytes);
        Assert.Equal(bytes, Canonical.Encode(decoded));
        Assert.Throws<CodecException>(() => Canonical.Decode<RecordEvaluationPayload>([.. bytes, 0]));
    }

    private static PrivateKey KeyOf(SignedTransaction transaction)
    {
        Assert.True(transaction.TryRecoverSender(out var sender));
        return Enumerable.Range(0, 16).SelectMany(i => new[] { Keys.Validator(i), Keys.Account(i) }).First(k => k.Address == sender);
    }

    /// <summary>
    /// Proposes the version then <paramref name="record"/>: the version succeeds, the record fails with
    /// <paramref name="code"/>, and the state equals the state after the version and a failing transfer of the
    /// record's sender with the same nonce (only the nonce moved).
    /// </summary>
    private static void AssertRejectedAfter(RegistryChain chain, SignedTransaction version, SignedTransaction record, string code)
    {
        var (block, result) = chain.Chain.Propose([version, record]);
        Assert.Equal(2, block.Transactions.Count);
        Assert.True(result.Receipts[0].Success, result.Receipts[0].ToString());
        Assert.False(result.Receipts[1].Success, $"expected {code}, the record succeeded");
        Assert.Equal(code, result.Receipts[1].Code);
        Assert.False(string.IsNullOrWhiteSpace(result.Receipts[1].Message));

        var sender = KeyOf(record);
        var noop = new Transaction(chain.ChainId, record.Nonce, TransactionKinds.Transfer, Canonical.Encode(new TransferPayload(Keys.Account(9).Address, ulong.MaxValue))).Sign(sender.Signer());
        var (_, reference) = chain.Chain.Propose([version, noop]);
        Assert.Equal(ErrorCodes.InsufficientBalance, reference.Receipts[1].Code);
        Assert.Equal(reference.StateRoot, result.StateRoot);
    }
}
