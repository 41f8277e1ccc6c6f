using DaiChain.ModelRegistry.Evaluation.Onnx;
using DaiChain.ModelRegistry.Evaluation.Tensors;

namespace DaiChain.ModelRegistry.Evaluation.Operators.Ml;

/// <summary>Imputer: values equal to replaced_value (NaN matches NaN) become the imputed value of their feature.</summary>
internal sealed class ImputerKernel : Kernel
{
    private readonly float[]? _floats;
    private readonly long[]? _ints;
    private readonly float _replacedFloat;
    private readonly long _replacedInt;

    public ImputerKernel(OnnxNode node, NodeAttributes attributes)
        : base(node)
    {
        _floats = attributes.Floats("imputed_value_floats");
        _ints = attributes.Ints("imputed_value_int64s");
        _replacedFloat = attributes.Float("replaced_value_float", 0f);
        _replacedInt = attributes.Int("replaced_value_int64", 0);
        attributes.RejectUnread();
        if ((_floats is null) == (_ints is null) || (_floats?.Length ?? _ints!.Length) == 0)
        {
            throw Invalid("exactly one of imputed_value_floats and imputed_value_int64s is required");
        }

        LimitInputs(1);
        LimitOutputs(1);
    }

    public override Tensor?[] Run(Tensor?[] inputs, WorkMeter meter)
    {
        var x = Required(inputs, 0);
        var floating = _floats is not null;
        if (floating ? !ElementTypes.IsFloating(x.Type) : x.Type is not (ElementType.Int64 or ElementType.Int32))
        {
            throw Mismatch($"input element type {ElementTypes.Name(x.Type)} does not match the imputed values");
        }

        var features = x.Rank == 0 ? 1 : x.Shape[^1];
        var count = _floats?.Length ?? _ints!.Length;
        if (count != 1 && count != features)
        {
            throw Mismatch($"imputed values must have 1 or {features} entries");
        }

        meter.Add(x.ElementCount, Node);
        if (!x.HasData)
        {
            return [Tensor.ShapeOnly(x.Type, x.Shape)];
        }

        if (floating)
        {
            var values = Numeric.ReadDoubles(x);
            var result = new double[values.Length];
            for (var i = 0; i < values.Length; i++)
            {
                var v = values[i];
                var replace = float.IsNaN(_replacedFloat) ? double.IsNaN(v) : v == _replacedFloat;
                result[i] = replace ? _floats![count == 1 ? 0 : i % features] : v;
            }

            return [Numeric.Write(x.Type, x.Shape, result)];
        }

        var src = x.LongData;
        var dst = new long[src.Length];
        for (var i = 0; i < src.Length; i++)
        {
            dst[i] = src[i] == _replacedInt ? ElementTypes.Wrap(x.Type, _ints![count == 1 ? 0 : i % features]) : src[i];
        }

        return [Tensor.FromLongs(x.Type, x.Shape, dst)];
    }
}
