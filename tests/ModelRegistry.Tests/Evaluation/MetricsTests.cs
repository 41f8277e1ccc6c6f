using DaiChain.ModelRegistry.Evaluation.Metrics;

namespace DaiChain.ModelRegistry.Tests.Evaluation;

public class MetricsTests
{
    [Fact]
    public void Accuracy_acceptance_is_exact_integer_arithmetic()
    {
        // 2 of 3 correct: 6666.66 basis points.
        var m = ClassificationMetrics.Compute([1, 0, 1], [1, 0, 0], null);
        Assert.Equal(2, m.Correct);
        Assert.Equal(3, m.Total);
        Assert.True(m.AccuracyAtLeast(6666));
        Assert.False(m.AccuracyAtLeast(6667));
    }

    [Fact]
    public void Binary_precision_recall_and_f1_come_from_integer_confusion_counts()
    {
        // positive 1: tp = 2, fp = 1, fn = 1.
        var m = ClassificationMetrics.Compute([1, 1, 1, 0, 0], [1, 1, 0, 1, 0], 1);
        Assert.Equal(6666, m.PrecisionBp);
        Assert.Equal(6666, m.RecallBp);
        Assert.Equal(6666, m.F1Bp);
    }

    [Fact]
    public void Macro_metrics_average_rounded_down_class_values()
    {
        // class 0: p = 1/1, r = 1/2; class 1: p = 2/3, r = 2/2; class 2 never occurs.
        var m = ClassificationMetrics.Compute([0, 0, 1, 1], [0, 1, 1, 1], null);
        Assert.Equal((10_000 + 6666) / 2, m.PrecisionBp);
        Assert.Equal((5000 + 10_000) / 2, m.RecallBp);
        Assert.Equal((6666 + 8000) / 2, m.F1Bp);
    }

    [Fact]
    public void Unmapped_predictions_are_wrong_and_belong_to_no_class()
    {
        var m = ClassificationMetrics.Compute([0, 1], [null, 1], 1);
        Assert.Equal(1, m.Correct);
        Assert.Equal(10_000, m.PrecisionBp);
        Assert.Equal(10_000, m.RecallBp);
    }

    [Fact]
    public void Regression_errors_are_exact_in_micro_units()
    {
        var r = RegressionMetrics.Compute([1f, 2f], [1.5, 1.0]);
        // d = 0.5 and -1.0: MSE = (0.25 + 1) / 2 = 0.625, MAE = 0.75.
        Assert.Equal(625_000, r.MseMicro);
        Assert.Equal(750_000, r.MaeMicro);
    }

    [Fact]
    public void Non_finite_predictions_clamp_to_the_largest_error()
    {
        Assert.Equal(RegressionMetrics.MaxMicro, RegressionMetrics.ToMicro(double.NaN));
        Assert.Equal(-RegressionMetrics.MaxMicro, RegressionMetrics.ToMicro(double.NegativeInfinity));
        Assert.Equal(RegressionMetrics.MaxMicro, RegressionMetrics.ToMicro(1e300));
        var r = RegressionMetrics.Compute([0f], [double.NaN]);
        Assert.Equal(RegressionMetrics.MaxMicro, r.MaeMicro);
        Assert.Equal(long.MaxValue, r.MseMicro); // 10^24 micro-units, clamped
    }

    [Fact]
    public void Micro_units_round_half_to_even() =>
        Assert.Equal([0L, 2L, 2L, -2L], new[] { 0.0000005, 0.0000015, 0.0000025, -0.0000025 }.Select(RegressionMetrics.ToMicro));
}
