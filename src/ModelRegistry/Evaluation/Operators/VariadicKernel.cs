using DaiChain.ModelRegistry.Evaluation.Onnx;
using DaiChain.ModelRegistry.Evaluation.Tensors;

namespace DaiChain.ModelRegistry.Evaluation.Operators;

/// <summary>Max, Min, Sum, Mean over one or more inputs with numpy broadcasting.</summary>
/// <remarks>
/// Floating inputs accumulate in double in input order and round once; Max and Min propagate NaN.
/// Integer inputs (Max, Min, Sum) are combined exactly and wrapped to their type.
/// </remarks>
internal sealed class VariadicKernel : Kernel
{
    public VariadicKernel(OnnxNode node, NodeAttributes attributes)
        : base(node)
    {
        attributes.RejectUnread();
        if (node.Inputs.Length == 0)
        {
            throw Invalid("needs at least one input");
        }

        LimitOutputs(1);
    }

    public override Tensor?[] Run(Tensor?[] inputs, WorkMeter meter)
    {
        var list = new Tensor[inputs.Length];
        for (var i = 0; i < inputs.Length; i++)
        {
            list[i] = Required(inputs, i);
        }

        var type = list[0].Type;
        var shape = list[0].Shape;
        foreach (var t in list)
        {
            if (t.Type != type)
            {
                throw Mismatch("inputs have different element types");
            }

            shape = Shapes.Broadcast(shape, t.Shape) ?? throw Mismatch($"shapes {Shapes.Format(shape)} and {Shapes.Format(t.Shape)} do not broadcast");
        }

        if (!ElementTypes.IsNumeric(type) || (Node.OpType == "Mean" && !ElementTypes.IsFloating(type)))
        {
            throw Mismatch($"element type {ElementTypes.Name(type)} is not accepted");
        }

        meter.CheckShape(shape, Node);
        var count = Shapes.ElementCount(shape);
        meter.Add(count * list.Length, Node);
        if (!AllHaveData(list))
        {
            return [Tensor.ShapeOnly(type, shape)];
        }

        if (ElementTypes.IsFloating(type))
        {
            var acc = new double[count];
            for (var k = 0; k < list.Length; k++)
            {
                var values = Numeric.ReadDoubles(list[k]);
                var offsets = Broadcasting.Offsets(list[k].Shape, shape);
                for (var i = 0; i < acc.Length; i++)
                {
                    var v = values[offsets[i]];
                    acc[i] = k == 0 ? v : Combine(acc[i], v);
                }
            }

            if (Node.OpType == "Mean")
            {
                for (var i = 0; i < acc.Length; i++)
                {
                    acc[i] /= list.Length;
                }
            }

            return [Numeric.Write(type, shape, acc)];
        }

        var longs = new long[count];
        for (var k = 0; k < list.Length; k++)
        {
            var values = list[k].LongData;
            var offsets = Broadcasting.Offsets(list[k].Shape, shape);
            for (var i = 0; i < longs.Length; i++)
            {
                var v = values[offsets[i]];
                longs[i] = k == 0
                    ? v
                    : Node.OpType switch
                    {
                        "Max" => Math.Max(longs[i], v),
                        "Min" => Math.Min(longs[i], v),
                        _ => ElementTypes.Wrap(type, unchecked(longs[i] + v)),
                    };
            }
        }

        return [Tensor.FromLongs(type, shape, longs)];
    }

    private double Combine(double acc, double v) => Node.OpType switch
    {
        "Max" => double.IsNaN(acc) || double.IsNaN(v) ? double.NaN : Math.Max(acc, v),
        "Min" => double.IsNaN(acc) || double.IsNaN(v) ? double.NaN : Math.Min(acc, v),
        _ => acc + v,
    };
}
