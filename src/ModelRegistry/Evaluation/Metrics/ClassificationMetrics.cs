namespace DaiChain.ModelRegistry.Evaluation.Metrics;

/// <summary>Integer classification metrics: counts, and precision, recall and F1 in basis points (1/10,000), rounded down.</summary>
/// <remarks>
/// With a positive label the precision, recall and F1 are those of that class (binary); without one they are
/// macro averages: each class's value in basis points rounded down, summed, divided by the number of classes
/// and rounded down. The classes are the distinct true labels and mapped predictions. A class whose
/// denominator is 0 scores 0. Predictions the label mapping does not cover are wrong and belong to no class.
/// </remarks>
public sealed record ClassificationMetrics(long Correct, long Total, long PrecisionBp, long RecallBp, long F1Bp)
{
    public const long BasisPoints = 10_000;

    /// <summary>Computes the metrics; a null prediction is one the label mapping does not cover.</summary>
    public static ClassificationMetrics Compute(IReadOnlyList<long> truth, IReadOnlyList<long?> predicted, long? positiveLabel)
    {
        if (truth.Count != predicted.Count)
        {
            throw new ArgumentException("truth and predictions differ in length", nameof(predicted));
        }

        long correct = 0;
        for (var i = 0; i < truth.Count; i++)
        {
            if (predicted[i] == truth[i])
            {
                correct++;
            }
        }

        if (positiveLabel is { } positive)
        {
            var (p, r, f) = ClassScores(truth, predicted, positive);
            return new ClassificationMetrics(correct, truth.Count, p, r, f);
        }

        var classes = new SortedSet<long>(truth);
        foreach (var p in predicted)
        {
            if (p is { } value)
            {
                classes.Add(value);
            }
        }

        long precision = 0, recall = 0, f1 = 0;
        foreach (var c in classes)
        {
            var (p, r, f) = ClassScores(truth, predicted, c);
            precision += p;
            recall += r;
            f1 += f;
        }

        var k = classes.Count;
        return new ClassificationMetrics(correct, truth.Count, precision / k, recall / k, f1 / k);
    }

    /// <summary>True when correct / total ≥ threshold / 10,000, compared as correct · 10,000 ≥ threshold · total.</summary>
    public bool AccuracyAtLeast(long thresholdBp) => Correct * BasisPoints >= thresholdBp * Total;

    private static (long Precision, long Recall, long F1) ClassScores(IReadOnlyList<long> truth, IReadOnlyList<long?> predicted, long label)
    {
        long tp = 0, fp = 0, fn = 0;
        for (var i = 0; i < truth.Count; i++)
        {
            var isTrue = truth[i] == label;
            var isPredicted = predicted[i] == label;
            if (isTrue && isPredicted)
            {
                tp++;
            }
            else if (isPredicted)
            {
                fp++;
            }
            else if (isTrue)
            {
                fn++;
            }
        }

        return (Ratio(tp, tp + fp), Ratio(tp, tp + fn), Ratio(2 * tp, (2 * tp) + fp + fn));
    }

    private static long Ratio(long numerator, long denominator) => denominator == 0 ? 0 : numerator * BasisPoints / denominator;
}
