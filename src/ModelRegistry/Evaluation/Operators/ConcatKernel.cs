using DaiChain.ModelRegistry.Evaluation.Onnx;
using DaiChain.ModelRegistry.Evaluation.Tensors;

namespace DaiChain.ModelRegistry.Evaluation.Operators;

/// <summary>Concat along an axis (negative axes from opset 11).</summary>
internal sealed class ConcatKernel : Kernel
{
    private readonly long _axis;

    public ConcatKernel(OnnxNode node, NodeAttributes attributes)
        : base(node)
    {
        _axis = attributes.RequiredInt("axis");
        attributes.RejectUnread();
        if (node.Inputs.Length == 0)
        {
            throw Invalid("needs at least one input");
        }

        LimitOutputs(1);
    }

    public override Tensor?[] Run(Tensor?[] inputs, WorkMeter meter)
    {
        var parts = inputs.Select((_, i) => Required(inputs, i)).ToArray();
        var first = parts[0];
        if (first.Rank == 0)
        {
            throw Mismatch("inputs must have rank 1 or more");
        }

        var axis = NormalizeAxis(_axis, first.Rank);
        var shape = (int[])first.Shape.Clone();
        shape[axis] = 0;
        foreach (var p in parts)
        {
            if (p.Type != first.Type || p.Rank != first.Rank
                || p.Shape.Where((d, i) => i != axis && d != first.Shape[i]).Any())
            {
                throw Mismatch($"input {Shapes.Format(p.Shape)} ({ElementTypes.Name(p.Type)}) does not match {Shapes.Format(first.Shape)} ({ElementTypes.Name(first.Type)}) outside axis {axis}");
            }

            shape[axis] += p.Shape[axis];
        }

        meter.CheckShape(shape, Node);
        meter.Add(Shapes.ElementCount(shape), Node);
        if (!AllHaveData(parts))
        {
            return [Tensor.ShapeOnly(first.Type, shape)];
        }

        var outer = (int)Shapes.ElementCount(shape, 0, axis);
        var inner = (int)Shapes.ElementCount(shape, axis + 1, shape.Length);
        var result = Tensor.Allocate(first.Type, shape);
        var rowLength = shape[axis] * inner;
        var at = 0;
        foreach (var p in parts)
        {
            var chunk = p.Shape[axis] * inner;
            for (var o = 0; o < outer; o++)
            {
                Copy(p, o * chunk, result, (o * rowLength) + at, chunk);
            }

            at += chunk;
        }

        return [result];
    }

    private static void Copy(Tensor from, int fromOffset, Tensor to, int toOffset, int length)
    {
        switch (from.Type)
        {
            case ElementType.Float:
                Array.Copy(from.FloatData, fromOffset, to.FloatData, toOffset, length);
                break;
            case ElementType.Double:
                Array.Copy(from.DoubleData, fromOffset, to.DoubleData, toOffset, length);
                break;
            case ElementType.String:
                Array.Copy(from.StringData, fromOffset, to.StringData, toOffset, length);
                break;
            default:
                Array.Copy(from.LongData, fromOffset, to.LongData, toOffset, length);
                break;
        }
    }
}
