using DaiChain.ModelRegistry.Evaluation.Onnx;
using DaiChain.ModelRegistry.Evaluation.Tensors;

namespace DaiChain.ModelRegistry.Evaluation.Operators.Ml;

/// <summary>Binarizer: 1 where x &gt; threshold, else 0, in the input's type.</summary>
internal sealed class BinarizerKernel : Kernel
{
    private readonly double _threshold;

    public BinarizerKernel(OnnxNode node, NodeAttributes attributes)
        : base(node)
    {
        _threshold = attributes.Float("threshold", 0f);
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

        meter.Add(x.ElementCount, Node);
        if (!x.HasData)
        {
            return [Tensor.ShapeOnly(x.Type, x.Shape)];
        }

        var values = Numeric.ReadDoubles(x);
        if (ElementTypes.IsFloating(x.Type))
        {
            return [Numeric.Write(x.Type, x.Shape, values.Select(v => v > _threshold ? 1.0 : 0.0).ToArray())];
        }

        return [Tensor.FromLongs(x.Type, x.Shape, values.Select(v => v > _threshold ? 1L : 0L).ToArray())];
    }
}
