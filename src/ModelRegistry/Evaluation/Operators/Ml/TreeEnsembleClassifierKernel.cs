using DaiChain.ModelRegistry.Evaluation.Onnx;
using DaiChain.ModelRegistry.Evaluation.Tensors;

namespace DaiChain.ModelRegistry.Evaluation.Operators.Ml;

/// <summary>TreeEnsembleClassifier (ai.onnx.ml 1-3, with the opset-3 "_as_tensor" attributes).</summary>
/// <remarks>
/// <para>
/// Class scores are the sums in tree order of the reached leaves' weights, in double. Then, as ONNX Runtime
/// does for the graphs exporters write:
/// </para>
/// <list type="bullet">
/// <item>Binary case (two class labels, weights for one class id only: what skl2onnx writes for binary
/// forests, keeping the positive class's score s; the base value of that class id is added). All weights
/// non-negative: label = s &gt; 0.5 ? second : first, scores [1 − s, s]. Otherwise: label = s &gt; 0 ? second :
/// first, scores [σ(−s), σ(s)] with LOGISTIC or [−s, s] without.</item>
/// <item>Otherwise: base_values are added per class; the label is the first class with the highest score
/// among those that have weights or a base value; scores get the post_transform (classes without a score are 0).</item>
/// </list>
/// </remarks>
internal sealed class TreeEnsembleClassifierKernel : Kernel
{
    private readonly TreeEnsemble _trees;
    private readonly long[]? _intLabels;
    private readonly string[]? _stringLabels;
    private readonly double[] _base;
    private readonly PostTransformKind _post;
    private readonly int _classes;
    private readonly bool _binary;

    public TreeEnsembleClassifierKernel(OnnxNode node, NodeAttributes attributes, EvaluationLimits limits)
        : base(node)
    {
        _intLabels = attributes.Ints("classlabels_int64s");
        _stringLabels = attributes.Strings("classlabels_strings");
        if ((_intLabels is null) == (_stringLabels is null))
        {
            throw Invalid("exactly one of classlabels_int64s and classlabels_strings is required");
        }

        _classes = _intLabels?.Length ?? _stringLabels!.Length;
        if (_classes < 1)
        {
            throw Invalid("there are no class labels");
        }

        _post = PostTransform.Parse(attributes.String("post_transform", "NONE"), attributes);
        _base = TreeEnsemble.DoubleList(attributes, "base_values", node.OpsetVersion >= 3) ?? [];
        if (_base.Length > _classes)
        {
            throw Invalid("base_values has more entries than there are classes");
        }

        _trees = TreeEnsemble.Build(node, attributes, "class", _classes, limits);
        _binary = _classes == 2 && _trees.WeightedTargets.Count == 1;
        attributes.RejectUnread();
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
        if (_trees.MaxFeature >= features)
        {
            throw Mismatch($"trees read feature {_trees.MaxFeature}, the input has {features}");
        }

        var labelType = _intLabels is null ? ElementType.String : ElementType.Int64;
        int[] labelShape = [rows];
        int[] scoreShape = [rows, _classes];
        meter.Add(rows * (_trees.TotalDepth + _classes), Node);
        if (!x.HasData)
        {
            return [Tensor.ShapeOnly(labelType, labelShape), Tensor.ShapeOnly(ElementType.Float, scoreShape)];
        }

        var values = Numeric.ReadDoubles(x);
        var labelIndex = new int[rows];
        var scores = new float[rows * _classes];
        var row = new double[_classes];
        var has = new bool[_classes];
        for (var r = 0; r < rows; r++)
        {
            Array.Clear(row);
            Array.Clear(has);
            var sample = new ReadOnlySpan<double>(values, r * features, features);
            foreach (var root in _trees.Roots)
            {
                _trees.Weights(_trees.FindLeaf(sample, root), out var targets, out var weights);
                for (var w = 0; w < targets.Length; w++)
                {
                    row[targets[w]] += weights[w];
                    has[targets[w]] = true;
                }
            }

            var output = scores.AsSpan(r * _classes, _classes);
            labelIndex[r] = _binary ? Binary(row, output) : General(row, has, output);
        }

        Tensor label = _intLabels is { } ints
            ? Tensor.FromLongs(ElementType.Int64, labelShape, labelIndex.Select(i => ints[i]).ToArray())
            : Tensor.FromStrings(labelShape, labelIndex.Select(i => _stringLabels![i]).ToArray());
        return [label, Tensor.FromFloats(scoreShape, scores)];
    }

    private int Binary(double[] row, Span<float> output)
    {
        var id = _trees.WeightedTargets.First();
        var s = row[id] + (_base.Length == 2 ? _base[id] : _base.Length == 1 ? _base[0] : 0.0);
        if (_trees.WeightsArePositive)
        {
            output[0] = (float)(1.0 - s);
            output[1] = (float)s;
            return s > 0.5 ? 1 : 0;
        }

        if (_post == PostTransformKind.Logistic)
        {
            output[0] = (float)Numerics.DeterministicMath.Sigmoid(-s);
            output[1] = (float)Numerics.DeterministicMath.Sigmoid(s);
        }
        else
        {
            output[0] = (float)-s;
            output[1] = (float)s;
        }

        return s > 0 ? 1 : 0;
    }

    private int General(double[] row, bool[] has, Span<float> output)
    {
        for (var k = 0; k < _base.Length; k++)
        {
            row[k] += _base[k];
            has[k] = true;
        }

        var best = -1;
        for (var k = 0; k < _classes; k++)
        {
            if (has[k] && (best < 0 || row[k] > row[best]))
            {
                best = k;
            }
        }

        PostTransform.Apply(_post, row);
        for (var k = 0; k < _classes; k++)
        {
            output[k] = (float)row[k];
        }

        return Math.Max(best, 0);
    }
}
