using DaiChain.ModelRegistry.Records;

namespace DaiChain.ModelRegistry.Evaluation;

/// <summary>
/// The verdict a result's own integers give under its benchmark: what the chain records, recomputed in integer
/// arithmetic from the numbers a proposer carries instead of trusting the status it states.
/// </summary>
public static class EvaluationVerdicts
{
    /// <summary>The verdict of <paramref name="result"/> under <paramref name="spec"/>, or null with a problem when its numbers are inconsistent.</summary>
    public static EvaluationVerdict? Judge(BenchmarkSpec spec, EvaluationResult result, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(result);
        problem = null;
        if (result.Status == EvaluationStatus.InvalidModel)
        {
            return EvaluationVerdict.InvalidModel;
        }

        if (result.SampleCount <= 0)
        {
            problem = "the result covers no samples";
            return null;
        }

        bool accepted;
        long expected;
        switch (spec.Metric)
        {
            case BenchmarkMetric.Accuracy:
                if (result.Correct < 0 || result.Correct > result.SampleCount)
                {
                    problem = $"{result.Correct} correct of {result.SampleCount} samples is impossible";
                    return null;
                }

                expected = (long)((Int128)result.Correct * 10_000 / result.SampleCount);
                accepted = (Int128)result.Correct * 10_000 >= (Int128)spec.Threshold * result.SampleCount;
                break;
            case BenchmarkMetric.Precision:
            case BenchmarkMetric.Recall:
            case BenchmarkMetric.F1:
                expected = spec.Metric switch
                {
                    BenchmarkMetric.Precision => result.PrecisionBp,
                    BenchmarkMetric.Recall => result.RecallBp,
                    _ => result.F1Bp,
                };
                if (expected is < 0 or > 10_000)
                {
                    problem = $"{spec.Metric} of {expected} basis points is out of range";
                    return null;
                }

                accepted = expected >= spec.Threshold;
                break;
            case BenchmarkMetric.MeanSquaredError:
            case BenchmarkMetric.MeanAbsoluteError:
                expected = spec.Metric == BenchmarkMetric.MeanSquaredError ? result.MseMicro : result.MaeMicro;
                if (expected < 0)
                {
                    problem = $"a negative {spec.Metric} ({expected}) is impossible";
                    return null;
                }

                accepted = expected <= spec.Threshold;
                break;
            default:
                problem = $"metric {spec.Metric} is unknown";
                return null;
        }

        if (result.MetricValue != expected)
        {
            problem = $"the metric value {result.MetricValue} is not the {spec.Metric} its numbers give ({expected})";
            return null;
        }

        var stated = result.Status == EvaluationStatus.Accepted;
        if (stated != accepted)
        {
            problem = $"the result says {result.Status} but {spec.Metric} {expected} against threshold {spec.Threshold} is {(accepted ? "accepted" : "rejected")}";
            return null;
        }

        return accepted ? EvaluationVerdict.Accepted : EvaluationVerdict.Rejected;
    }
}
