using DaiChain.ModelRegistry.Evaluation.Onnx;
using DaiChain.ModelRegistry.Evaluation.Tensors;

namespace DaiChain.ModelRegistry.Evaluation.Operators.Ml;

/// <summary>LinearRegressor: Y = X · coefficientsᵀ + intercepts for each target (post_transform NONE only).</summary>
internal sealed class LinearRegressorKernel : Kernel
{
    private readonly double[] _coefficients;
    private readonly double[] _intercepts;
    private readonly int _targets;

    public LinearRegressorKernel(OnnxNode node, NodeAttributes attributes)
        : base(node)
    {
        _coefficients = attributes.Floats("coefficients")?.Select(f => (double)f).ToArray() ?? throw attributes.Invalid("coefficients", "required but missing");
        _intercepts = attributes.Floats("intercepts")?.Select(f => (double)f).ToArray() ?? [];
        var targets = attributes.Int("targets", 1);
        if (targets < 1 || targets > 4096)
        {
            throw attributes.Invalid("targets", "must be in 1..4096");
        }

        _targets = (int)targets;
        if (attributes.String("post_transform", "NONE") != "NONE")
        {
            throw attributes.Invalid("post_transform", "only NONE is supported; export the transform as a separate node");
        }

        attributes.RejectUnread();
        if (_intercepts.Length != 0 && _intercepts.Length != _targets)
        {
            throw Invalid("intercepts must have one entry per target");
        }

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
        if (_coefficients.Length != (long)_targets * features)
        {
            throw Mismatch($"coefficients has {_coefficients.Length} values, {_targets} targets × {features} features need {(long)_targets * features}");
        }

        int[] shape = [rows, _targets];
        meter.Add((long)rows * _targets * features, Node);
        if (!x.HasData)
        {
            return [Tensor.ShapeOnly(ElementType.Float, shape)];
        }

        var xd = Numeric.ReadDoubles(x);
        var t = new double[features * _targets];
        for (var c = 0; c < _targets; c++)
        {
            for (var f = 0; f < features; f++)
            {
                t[(f * _targets) + c] = _coefficients[(c * features) + f];
            }
        }

        var result = new double[rows * _targets];
        Dense.Multiply(xd, 0, features, 1, t, 0, rows, features, _targets, result);
        for (var i = 0; i < result.Length; i++)
        {
            result[i] += _intercepts.Length > 0 ? _intercepts[i % _targets] : 0.0;
        }

        return [Numeric.Write(ElementType.Float, shape, result)];
    }
}
