using DaiChain.ModelRegistry.Evaluation.Numerics;

namespace DaiChain.ModelRegistry.Evaluation.Operators.Ml;

/// <summary>The post_transform of the ai.onnx.ml classifiers and regressors, on a row of double scores.</summary>
/// <remarks>PROBIT is not accepted: its inverse error function has no exactness story worth the rare use.</remarks>
internal enum PostTransformKind
{
    None,
    Logistic,
    Softmax,
    SoftmaxZero,
}

internal static class PostTransform
{
    public static PostTransformKind Parse(string value, NodeAttributes attributes) => value switch
    {
        "NONE" => PostTransformKind.None,
        "LOGISTIC" => PostTransformKind.Logistic,
        "SOFTMAX" => PostTransformKind.Softmax,
        "SOFTMAX_ZERO" => PostTransformKind.SoftmaxZero,
        _ => throw attributes.Invalid("post_transform", $"'{value}' is not supported (accepted: NONE, LOGISTIC, SOFTMAX, SOFTMAX_ZERO)"),
    };

    /// <summary>Applies the transform in place.</summary>
    public static void Apply(PostTransformKind kind, Span<double> row)
    {
        switch (kind)
        {
            case PostTransformKind.Logistic:
                for (var i = 0; i < row.Length; i++)
                {
                    row[i] = DeterministicMath.Sigmoid(row[i]);
                }

                break;
            case PostTransformKind.Softmax:
                Softmax(row, skipZeros: false);
                break;
            case PostTransformKind.SoftmaxZero:
                Softmax(row, skipZeros: true);
                break;
            default:
                break;
        }
    }

    /// <summary>Softmax; with <paramref name="skipZeros"/> values within 1e-7 of zero stay zero and are left out of the sum.</summary>
    private static void Softmax(Span<double> row, bool skipZeros)
    {
        var max = double.NegativeInfinity;
        foreach (var v in row)
        {
            if (v > max || double.IsNaN(v))
            {
                max = v;
            }
        }

        var sum = 0.0;
        for (var i = 0; i < row.Length; i++)
        {
            if (skipZeros && row[i] <= 1e-7 && row[i] >= -1e-7)
            {
                row[i] = 0.0;
                continue;
            }

            row[i] = DeterministicMath.Exp(row[i] - max);
            sum += row[i];
        }

        for (var i = 0; i < row.Length; i++)
        {
            row[i] /= sum;
        }
    }
}
