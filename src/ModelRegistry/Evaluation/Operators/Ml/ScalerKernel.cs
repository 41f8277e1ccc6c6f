using DaiChain.ModelRegistry.Evaluation.Onnx;
using DaiChain.ModelRegistry.Evaluation.Tensors;

namespace DaiChain.ModelRegistry.Evaluation.Operators.Ml;

/// <summary>Scaler: y = (x − offset) · scale per feature (one value or one per feature), float output.</summary>
internal sealed class ScalerKernel : Kernel
{
    private readonly double[] _offset;
    private readonly double[] _scale;

    public ScalerKernel(OnnxNode node, NodeAttributes attributes)
        : base(node)
    {
        _offset = attributes.Floats("offset")?.Select(f => (double)f).ToArray() ?? [0.0];
        _scale = attributes.Floats("scale")?.Select(f => (double)f).ToArray() ?? [1.0];
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

        var features = x.Rank == 0 ? 1 : x.Shape[^1];
        if ((_offset.Length != 1 && _offset.Length != features) || (_scale.Length != 1 && _scale.Length != features))
        {
            throw Mismatch($"offset and scale must have 1 or {features} values");
        }

        meter.Add(x.ElementCount * 2, Node);
        if (!x.HasData)
        {
            return [Tensor.ShapeOnly(ElementType.Float, x.Shape)];
        }

        var values = Numeric.ReadDoubles(x);
        var result = new double[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            var f = i % features;
            result[i] = (values[i] - _offset[_offset.Length == 1 ? 0 : f]) * _scale[_scale.Length == 1 ? 0 : f];
        }

        return [Numeric.Write(ElementType.Float, x.Shape, result)];
    }
}
