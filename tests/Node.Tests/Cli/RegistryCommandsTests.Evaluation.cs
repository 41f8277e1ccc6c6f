using DaiChain.ModelRegistry.Evaluation;
using DaiChain.ModelRegistry.State;
using DaiChain.Node.Cli;
using DaiChain.Node.Keys;
using DaiChain.RegistryTestKit;

namespace DaiChain.Node.Tests.Cli;

/// <summary><c>daichain benchmark register</c> and <c>daichain model evaluate</c> against the same node stand-in.</summary>
public sealed partial class RegistryCommandsTests
{
    [Fact]
    public void A_curator_registers_a_benchmark_and_a_developer_evaluates_a_model_on_it_before_submitting()
    {
        new KeyStore(KeyFile.MinIterations).Save(Key("curator"), Actors.Curator, "secret");
        var fixtures = Path.Combine(FixtureDirectory(), "logistic_binary");
        Ok("dataset", "register", "--key", Key("carol"), "--file", fixtures + ".daibench", "--name", "cancer", "--licence", "BSD-3-Clause", "--upload", "--wait");
        var spec = Write("spec.json", """{"scoredOutput":"output_probability","task":"Classification","metric":"Accuracy","threshold":9000}""");

        var noRole = Run("benchmark", "register", "--key", Key("alice"), "--name", "cancer-accuracy", "--spec", spec, "--dataset", fixtures + ".daibench", "--wait");
        Assert.Equal(ExitCodes.Failure, noRole.ExitCode);
        Assert.Contains("missing_role", noRole.Out, StringComparison.Ordinal);
        Assert.Contains("benchmark_curator", noRole.Error, StringComparison.Ordinal);

        Ok("benchmark", "register", "--key", Key("curator"), "--name", "cancer-accuracy", "--spec", spec, "--dataset", fixtures + ".daibench", "--description", "accuracy on the test split", "--wait");
        var registered = RegistryState.GetBenchmark(_chain.Chain.Head.State, "cancer-accuracy")!;
        Assert.Equal(BenchmarkMetric.Accuracy, registered.Definition.Metric);
        Assert.Equal(9_000, registered.Definition.Threshold);

        // The definition from the node, the dataset downloaded from its artifact store.
        var evaluated = Ok("model", "evaluate", "--local", fixtures + ".onnx", "--benchmark", "cancer-accuracy");
        Assert.Contains("Accuracy 9590", evaluated, StringComparison.Ordinal);
        Assert.Contains("164 correct of 171", evaluated, StringComparison.Ordinal);
        Assert.Contains("status:      accepted", evaluated, StringComparison.Ordinal);

        var strict = Write("strict.json", """{"scoredOutput":"output_probability","task":"Classification","metric":"Accuracy","threshold":9800}""");
        var rejected = Run("model", "evaluate", "--local", fixtures + ".onnx", "--benchmark", "local", "--spec", strict, "--dataset", fixtures + ".daibench");
        Assert.Equal(ExitCodes.Failure, rejected.ExitCode);
        Assert.Contains("status:      rejected", rejected.Out, StringComparison.Ordinal);

        var model = File.ReadAllBytes(fixtures + ".onnx");
        var malformed = _directory.Combine("malformed.onnx");
        File.WriteAllBytes(malformed, model[..(model.Length / 2)]);
        var invalid = Run("model", "evaluate", "--local", malformed, "--benchmark", "cancer-accuracy", "--json");
        Assert.Equal(ExitCodes.Failure, invalid.ExitCode);
        Assert.Contains("\"status\": \"invalid_model\"", invalid.Out, StringComparison.Ordinal);
        Assert.Contains("\"rejectionReason\": \"Malformed\"", invalid.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_regression_benchmark_read_from_the_node_evaluates_in_micro_units()
    {
        new KeyStore(KeyFile.MinIterations).Save(Key("curator"), Actors.Curator, "secret");
        var fixtures = Path.Combine(FixtureDirectory(), "linear_regressor");
        Ok("dataset", "register", "--key", Key("carol"), "--file", fixtures + ".daibench", "--name", "diabetes", "--licence", "BSD-3-Clause", "--upload", "--wait");
        var spec = Write("mae.json", """{"scoredOutput":"variable","task":"Regression","metric":"MeanAbsoluteError","threshold":60000000}""");
        Ok("benchmark", "register", "--key", Key("curator"), "--name", "diabetes-mae", "--spec", spec, "--dataset", fixtures + ".daibench", "--wait");

        var evaluated = Ok("model", "evaluate", "--local", fixtures + ".onnx", "--benchmark", "diabetes-mae");
        Assert.Contains("MeanAbsoluteError", evaluated, StringComparison.Ordinal);
        Assert.Contains("micro-units, at most 60000000", evaluated, StringComparison.Ordinal);
        Assert.Contains("status:      accepted", evaluated, StringComparison.Ordinal);
    }

    [Fact]
    public void A_benchmark_definition_with_an_unknown_field_or_metric_is_refused_before_anything_is_submitted()
    {
        new KeyStore(KeyFile.MinIterations).Save(Key("curator"), Actors.Curator, "secret");
        var height = _chain.Height;
        var typo = Run("benchmark", "register", "--key", Key("curator"), "--name", "b", "--spec", Write("typo.json", """{"scoredOutput":"y","task":"Classification","metric":"Accuracy","treshold":9000}"""), "--dataset-hash", Sha256("d"));
        Assert.Equal(ExitCodes.Failure, typo.ExitCode);
        Assert.Contains("unknown field 'treshold'", typo.Error, StringComparison.Ordinal);
        var metric = Run("benchmark", "register", "--key", Key("curator"), "--name", "b", "--spec", Write("metric.json", """{"scoredOutput":"y","task":"Classification","metric":"AUC","threshold":9000}"""), "--dataset-hash", Sha256("d"));
        Assert.Equal(ExitCodes.Failure, metric.ExitCode);
        Assert.Contains("metric 'AUC' is not one of", metric.Error, StringComparison.Ordinal);
        Assert.Equal(height, _chain.Height);
    }

    [Fact]
    public void Anyone_reports_two_conflicting_signed_evaluations_and_the_validator_is_jailed()
    {
        var result = new EvaluationResult
        {
            EvaluatorVersion = Evaluator.Version,
            ModelHash = Ledger.Primitives.Hash256.Compute("model"u8),
            DatasetHash = Ledger.Primitives.Hash256.Compute("data"u8),
            Status = EvaluationStatus.Accepted,
            Metric = BenchmarkMetric.Accuracy,
            Threshold = 9_000,
            SampleCount = 171,
        };
        string SignedFile(string name, long correct) => Write(name, "0x" + Ledger.Primitives.Hex.Encode(Ledger.Encoding.Canonical.Encode(
            SignedEvaluation.Sign(EvaluationStatement.Of(_chain.ChainId, "cancer-accuracy", result with { Correct = correct, MetricValue = correct * 10_000 / 171 }), TestKit.Keys.Validator(1)))));
        var first = SignedFile("first.hex", 164);
        var second = SignedFile("second.hex", 150);

        var reported = Ok("evaluation", "report-conflict", "--key", Key("alice"), "--first", first, "--second", second, "--wait");
        Assert.Contains("committed:", reported, StringComparison.Ordinal);
        Assert.True(Ledger.Staking.StakingState.GetRecord(_chain.Chain.Head.State, TestKit.Keys.Validator(1).Address)!.Jailed);

        var again = Run("evaluation", "report-conflict", "--key", Key("alice"), "--first", second, "--second", first, "--wait");
        Assert.Equal(ExitCodes.Failure, again.ExitCode);
        Assert.Contains("evaluation_already_reported", again.Out, StringComparison.Ordinal);

        var garbage = Run("evaluation", "report-conflict", "--key", Key("alice"), "--first", Write("bad.hex", "0x1234"), "--second", second);
        Assert.Equal(ExitCodes.Failure, garbage.ExitCode);
        Assert.Contains("not a signed evaluation", garbage.Error, StringComparison.Ordinal);
    }

    private static string FixtureDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "tests", "ModelRegistry.Tests", "Evaluation", "Fixtures");
            if (Directory.Exists(path))
            {
                return path;
            }
        }

        throw new DirectoryNotFoundException("the evaluation fixtures are not above the test assembly");
    }
}
