using DaiChain.ModelRegistry.Evaluation.Numerics;

namespace DaiChain.ModelRegistry.Tests.Evaluation;

/// <summary>The evaluator's own exp, log and tanh against the platform library (used here only as a yardstick).</summary>
public class DeterministicMathTests
{
    private static IEnumerable<double> Grid(double from, double to, int steps) =>
        Enumerable.Range(0, steps + 1).Select(i => from + ((to - from) * i / steps));

    private static void Close(double expected, double actual, double ulps)
    {
        if (double.IsNaN(expected) || double.IsInfinity(expected) || expected == 0)
        {
            Assert.Equal(expected, actual);
            return;
        }

        var ulp = Math.BitIncrement(Math.Abs(expected)) - Math.Abs(expected);
        Assert.True(Math.Abs(expected - actual) <= ulps * ulp, $"{actual:R} vs {expected:R}");
    }

    [Fact]
    public void Exp_is_within_two_ulps()
    {
        foreach (var x in Grid(-745, 709, 20_000).Concat(Grid(-1, 1, 2001)))
        {
            Close(Math.Exp(x), DeterministicMath.Exp(x), 2);
        }
    }

    [Fact]
    public void Log_is_within_two_ulps()
    {
        foreach (var x in Grid(1e-300, 10, 5000).Concat(Grid(0.5, 2, 3001)).Concat(Grid(1, 1e300, 5000)).Append(double.Epsilon).Append(1e-310))
        {
            Close(Math.Log(x), DeterministicMath.Log(x), 2);
        }
    }

    [Fact]
    public void Tanh_and_sigmoid_are_within_four_ulps()
    {
        foreach (var x in Grid(-30, 30, 12_001).Concat(Grid(-1e-3, 1e-3, 2001)))
        {
            Close(Math.Tanh(x), DeterministicMath.Tanh(x), 4);
            Close(1.0 / (1.0 + Math.Exp(-x)), DeterministicMath.Sigmoid(x), 4);
        }
    }

    [Fact]
    public void Special_values_follow_IEEE()
    {
        Assert.Equal(double.PositiveInfinity, DeterministicMath.Exp(710));
        Assert.Equal(0.0, DeterministicMath.Exp(-746));
        Assert.True(double.IsNaN(DeterministicMath.Exp(double.NaN)));
        Assert.Equal(double.NegativeInfinity, DeterministicMath.Log(0));
        Assert.True(double.IsNaN(DeterministicMath.Log(-1)));
        Assert.Equal(1.0, DeterministicMath.Tanh(50));
        Assert.Equal(-1.0, DeterministicMath.Tanh(-50));
        Assert.Equal(0.0, DeterministicMath.Sigmoid(-800));
        Assert.Equal(1.0, DeterministicMath.Sigmoid(800));
        Assert.Equal(1.0, DeterministicMath.Exp(0));
        Assert.Equal(0.0, DeterministicMath.Log(1));
    }
}
