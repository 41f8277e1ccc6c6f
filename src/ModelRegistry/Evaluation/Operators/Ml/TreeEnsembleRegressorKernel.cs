using DaiChain.ModelRegistry.Evaluation.Onnx;
using DaiChain.ModelRegistry.Evaluation.Tensors;

namespace DaiChain.ModelRegistry.Evaluation.Operators.Ml;

/// <summary>TreeEnsembleRegressor (ai.onnx.ml 1-3): SUM, AVERAGE, MIN or MAX of the reached leaves' weights per target, plus base_values.</summary>
/// <remarks>
/// Aggregation in double in tree order, one rounding to float32. A post_transform other than NONE is accepted
/// only with several targets (runtimes disagree on applying it to a single target; export it as a node instead).
/// </remarks>
internal sealed class TreeEnsembleRegressorKernel : Kernel
{
    private readonly TreeEnsemble _trees;
    private readonly int _targets;
    private readonly double[] _base;
    private readonly string _aggregate;
    private readonly PostTransformKind _post;

    public TreeEnsembleRegressorKernel(OnnxNode node, NodeAttributes attributes, EvaluationLimits limits)
        : base(node)
    {
        var targets = attributes.Int("n_targets", 1);
        if (targets < 1 || targets > 4096)
        {
            throw Invalid("n_targets must be in 1..4096");
        }

        _targets = (int)targets;
        _aggregate = attributes.String("aggregate_function", "SUM");
        if (_aggregate is not ("SUM" or "AVERAGE" or "MIN" or "MAX"))
        {
            throw attributes.Invalid("aggregate_function", $"'{_aggregate}' is not one of SUM, AVERAGE, MIN, MAX");
        }

        _post = PostTransform.Parse(attributes.String("post_transform", "NONE"), attributes);
        if (_post != PostTransformKind.None && _targets == 1)
        {
            throw attributes.Invalid("post_transform", "a post_transform on a single target is not supported; export the transform as a separate node");
        }

        _base = TreeEnsemble.DoubleList(attributes, "base_values", node.OpsetVersion >= 3) ?? [];
        if (_base.Length != 0 && _base.Length != _targets && !(_base.Length == 1 && _targets == 1))
        {
            throw Invalid("base_values must have one entry per target");
        }

        _trees = TreeEnsemble.Build(node, attributes, "target", _targets, limits);
        attributes.RejectUnread();
        LimitInputs(1);
        LimitOutputs(1);
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

        int[] shape = [rows, _targets];
        meter.Add(rows * (_trees.TotalDepth + _targets), Node);
        if (!x.HasData)
        {
            return [Tensor.ShapeOnly(ElementType.Float, shape)];
        }

        var values = Numeric.ReadDoubles(x);
        var result = new float[rows * _targets];
        var row = new double[_targets];
        var has = new bool[_targets];
        var treeCount = _trees.Roots.Length;
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
                    var t = targets[w];
                    var v = weights[w];
                    row[t] = !has[t] ? v : _aggregate switch
                    {
                        "MIN" => Math.Min(row[t], v),
                        "MAX" => Math.Max(row[t], v),
                        _ => row[t] + v,
                    };
                    has[t] = true;
                }
            }

            for (var t = 0; t < _targets; t++)
            {
                var v = has[t] ? row[t] : 0.0;
                if (_aggregate == "AVERAGE")
                {
                    v /= treeCount;
                }

                row[t] = v + (_base.Length > 0 ? _base[t] : 0.0);
            }

            PostTransform.Apply(_post, row);
            for (var t = 0; t < _targets; t++)
            {
                result[(r * _targets) + t] = (float)row[t];
            }
        }

        return [Tensor.FromFloats(shape, result)];
    }
}
