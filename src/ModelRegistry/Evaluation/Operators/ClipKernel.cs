using DaiChain.ModelRegistry.Evaluation.Onnx;
using DaiChain.ModelRegistry.Evaluation.Tensors;

namespace DaiChain.ModelRegistry.Evaluation.Operators;

/// <summary>Clip: bounds as attributes before opset 11, as optional scalar inputs from opset 11.</summary>
/// <remarks>Result is min(max(x, low), high), so low &gt; high gives high (as the operator defines); NaN stays NaN.</remarks>
internal sealed class ClipKernel : Kernel
{
    private readonly double _attributeMin;
    private readonly double _attributeMax;

    public ClipKernel(OnnxNode node, NodeAttributes attributes)
        : base(node)
    {
        if (node.OpsetVersion < 11)
        {
            _attributeMin = attributes.Float("min", float.MinValue);
            _attributeMax = attributes.Float("max", float.MaxValue);
            LimitInputs(1);
        }
        else
        {
            LimitInputs(3);
        }

        attributes.RejectUnread();
        LimitOutputs(1);
    }

    public override IReadOnlyList<int> ShapeInputs => [1, 2];

    public override Tensor?[] Run(Tensor?[] inputs, WorkMeter meter)
    {
        var x = Required(inputs, 0);
        if (!ElementTypes.IsNumeric(x.Type))
        {
            throw Mismatch($"element type {ElementTypes.Name(x.Type)} is not accepted");
        }

        var low = Bound(Optional(inputs, 1), x.Type, "min");
        var high = Bound(Optional(inputs, 2), x.Type, "max");
        meter.Add(x.ElementCount, Node);
        if (!x.HasData)
        {
            return [Tensor.ShapeOnly(x.Type, x.Shape)];
        }

        if (ElementTypes.IsFloating(x.Type))
        {
            double lo = Node.OpsetVersion < 11 ? _attributeMin : low?.GetDouble(0) ?? double.NegativeInfinity;
            double hi = Node.OpsetVersion < 11 ? _attributeMax : high?.GetDouble(0) ?? double.PositiveInfinity;
            var values = Numeric.ReadDoubles(x);
            var result = new double[values.Length];
            for (var i = 0; i < values.Length; i++)
            {
                result[i] = Math.Min(Math.Max(values[i], lo), hi);
            }

            return [Numeric.Write(x.Type, x.Shape, result)];
        }

        var (min, max) = ElementTypes.Range(x.Type);
        var l = low?.LongData[0] ?? min;
        var h = high?.LongData[0] ?? max;
        var src = x.LongData;
        var dst = new long[src.Length];
        for (var i = 0; i < src.Length; i++)
        {
            dst[i] = Math.Min(Math.Max(src[i], l), h);
        }

        return [Tensor.FromLongs(x.Type, x.Shape, dst)];
    }

    private Tensor? Bound(Tensor? bound, ElementType type, string what)
    {
        if (bound is null)
        {
            return null;
        }

        RequireValues(bound, what);
        if (bound.Type != type || bound.ElementCount != 1)
        {
            throw Mismatch($"{what} must be a scalar of the input's type");
        }

        return bound;
    }
}
