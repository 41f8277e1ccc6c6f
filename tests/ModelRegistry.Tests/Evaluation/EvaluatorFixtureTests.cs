using System.Globalization;
using DaiChain.EvalHarness;
using DaiChain.ModelRegistry.Evaluation;
using DaiChain.ModelRegistry.Evaluation.Datasets;
using DaiChain.ModelRegistry.Evaluation.Metrics;

namespace DaiChain.ModelRegistry.Tests.Evaluation;

/// <summary>
/// The fixtures made by <c>Fixtures/generate.py</c> (scikit-learn graphs as skl2onnx writes them, torch.onnx
/// exports, an ML.NET-shaped graph): the evaluator must reproduce the frameworks' own predictions exactly for
/// classification and within float32 tolerance for regression.
/// </summary>
public class EvaluatorFixtureTests
{
    private static readonly IReadOnlyList<FixtureCase> Cases = FixtureSuite.Load(FixturePaths.Fixtures);

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var c in Cases)
        {
            data.Add(c.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Fixture_predictions_match_the_framework(string name)
    {
        var c = Cases.Single(x => x.Name == name);
        var model = File.ReadAllBytes(c.ModelPath);
        var datasetBytes = File.ReadAllBytes(c.DatasetPath);
        var result = new Evaluator().Evaluate(model, datasetBytes, c.Spec);
        Assert.True(result.Status != EvaluationStatus.InvalidModel, $"{name}: {result.RejectionReason}: {result.RejectionMessage}");
        Assert.Equal(c.Samples, result.SampleCount);

        var dataset = BenchmarkDataset.Decode(datasetBytes, EvaluationLimits.Default);
        var outputs = new Evaluator().Prepare(model, dataset, c.Spec).Run(dataset.Features, 1);
        if (c.ExpectedPredictions is { } expected)
        {
            var mismatches = Enumerable.Range(0, expected.Count).Where(i => outputs.Labels![i] != expected[i]).ToList();
            Assert.True(mismatches.Count == 0, string.Create(CultureInfo.InvariantCulture,
                $"{name}: {mismatches.Count} predictions differ from the framework's, first at sample {mismatches.FirstOrDefault()}"));
            Assert.Equal(c.ExpectedCorrect, result.Correct);
            Assert.Equal(EvaluationStatus.Accepted, result.Status);
        }
        else
        {
            var values = c.ExpectedValues!;
            for (var i = 0; i < values.Count; i++)
            {
                var tolerance = 1e-4 * Math.Max(1.0, Math.Abs(values[i]));
                Assert.True(Math.Abs(outputs.Values![i] - values[i]) <= tolerance,
                    string.Create(CultureInfo.InvariantCulture, $"{name}: sample {i} predicted {outputs.Values[i]:R}, framework {values[i]:R}"));
            }

            var framework = RegressionMetrics.Compute(dataset.Targets!, values.Select(v => (double)v).ToList());
            Assert.InRange(result.MseMicro, framework.MseMicro - (framework.MseMicro / 10_000) - 1, framework.MseMicro + (framework.MseMicro / 10_000) + 1);
            Assert.InRange(result.MaeMicro, framework.MaeMicro - (framework.MaeMicro / 10_000) - 1, framework.MaeMicro + (framework.MaeMicro / 10_000) + 1);
            Assert.Equal(EvaluationStatus.Accepted, result.Status);
        }
    }

    [Fact]
    public void Batch_size_and_parallelism_change_no_output()
    {
        var reference = FixtureSuite.Evaluate(Cases, new Evaluator());
        var oneByOne = FixtureSuite.Evaluate(Cases, new Evaluator(EvaluationLimits.Default with { MaxBatchSize = 1 }));
        var parallel = FixtureSuite.Evaluate(Cases, new Evaluator(EvaluationLimits.Default, parallelism: 2));
        for (var i = 0; i < reference.Count; i++)
        {
            var (c, r) = reference[i];
            Assert.Equal(r.OutputDigest, oneByOne[i].Result.OutputDigest);
            Assert.Equal(r with { WorkUnits = 0 }, oneByOne[i].Result with { WorkUnits = 0 });
            Assert.True(r == parallel[i].Result, $"{c.Name}: parallel evaluation differs");
        }
    }
}
