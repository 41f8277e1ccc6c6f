using DaiChain.ModelRegistry.Evaluation.Onnx;
using DaiChain.ModelRegistry.Evaluation.Tensors;

namespace DaiChain.ModelRegistry.Evaluation.Operators.Ml;

/// <summary>LinearClassifier: scores = X · coefficientsᵀ + intercepts, label by the highest raw score.</summary>
/// <remarks>
/// Each score is a double sum over features in order plus the intercept. With C ≥ 2 score columns the label
/// is the first column with the highest raw score and the scores get the post_transform. With one column and
/// two class labels (a binary model keeping one score s) the label is s &gt; 0 ? second : first, and the scores
/// are built as [−s, s] before the post_transform (so LOGISTIC gives [σ(−s), σ(s)]).
/// </remarks>
internal sealed class LinearClassifierKernel : Kernel
{
    private readonly double[] _coefficients;
    private readonly double[] _intercepts;
    private readonly long[]? _intLabels;
    private readonly string[]? _stringLabels;
    private readonly PostTransformKind _post;

    public LinearClassifierKernel(OnnxNode node, NodeAttributes attributes)
        : base(node)
    {
        _coefficients = attributes.Floats("coefficients")?.Select(f => (double)f).ToArray() ?? throw attributes.Invalid("coefficients", "required but missing");
        _intercepts = attributes.Floats("intercepts")?.Select(f => (double)f).ToArray() ?? [];
        _intLabels = attributes.Ints("classlabels_ints");
        _stringLabels = attributes.Strings("classlabels_strings");
        if ((_intLabels is null) == (_stringLabels is null))
        {
            throw Invalid("exactly one of classlabels_ints and classlabels_strings is required");
        }

        _post = PostTransform.Parse(attributes.String("post_transform", "NONE"), attributes);
        attributes.Ignore("multi_class"); // documented as unused by the operator
        attributes.RejectUnread();
        var labels = _intLabels?.Length ?? _stringLabels!.Length;
        if (_intercepts.Length == 0 || (_intercepts.Length == 1 ? labels != 2 : labels != _intercepts.Length))
        {
            throw Invalid("intercepts must have one entry per class label, or one entry for two class labels");
        }

        LimitInputs(1);
        LimitOutputs(2);
    }

    public override Tensor?[] Run(Tensor?[] inputs, WorkMeter meter)
    {
        var x = Required(inputs, 0);
        if (!MlInputs.IsNumericInput(x.Type))
        {
            throw Mismatch($"input element type {ElementTypes.Name(x.Type)} is not accepted");
        }

        var (rows, features) = MlInputs.RowsAndFeatures(x, Mismatch);
        var classes = _intercepts.Length;
        if (_coefficients.Length != (long)classes * features)
        {
            throw Mismatch($"coefficients has {_coefficients.Length} values, {classes} classes × {features} features need {(long)classes * features}");
        }

        var columns = classes == 1 ? 2 : classes;
        var labelType = _intLabels is null ? ElementType.String : ElementType.Int64;
        meter.Add((long)rows * classes * features, Node);
        if (!x.HasData)
        {
            return [Tensor.ShapeOnly(labelType, [rows]), Tensor.ShapeOnly(ElementType.Float, [rows, columns])];
        }

        var xd = Numeric.ReadDoubles(x);
        var raw = new double[rows * classes];
        Dense.Multiply(xd, 0, features, 1, Transposed(features, classes), 0, rows, features, classes, raw);
        var labels = new int[rows];
        var scores = new float[rows * columns];
        var row = new double[columns];
        for (var r = 0; r < rows; r++)
        {
            if (classes == 1)
            {
                var s = raw[r] + _intercepts[0];
                labels[r] = s > 0 ? 1 : 0;
                row[0] = -s;
                row[1] = s;
            }
            else
            {
                var best = 0;
                for (var c = 0; c < classes; c++)
                {
                    row[c] = raw[(r * classes) + c] + _intercepts[c];
                    if (row[c] > row[best])
                    {
                        best = c;
                    }
                }

                labels[r] = best;
            }

            PostTransform.Apply(_post, row);
            for (var c = 0; c < columns; c++)
            {
                scores[(r * columns) + c] = (float)row[c];
            }
        }

        Tensor label = _intLabels is { } ints
            ? Tensor.FromLongs(ElementType.Int64, [rows], labels.Select(i => ints[i]).ToArray())
            : Tensor.FromStrings([rows], labels.Select(i => _stringLabels![i]).ToArray());
        return [label, Tensor.FromFloats([rows, columns], scores)];
    }

    /// <summary>Coefficients [C, F] as [F, C] for the product.</summary>
    private double[] Transposed(int features, int classes)
    {
        var t = new double[features * classes];
        for (var c = 0; c < classes; c++)
        {
            for (var f = 0; f < features; f++)
            {
                t[(f * classes) + c] = _coefficients[(c * features) + f];
            }
        }

        return t;
    }
}
