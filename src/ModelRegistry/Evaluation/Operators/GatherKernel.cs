using System.Globalization;
using DaiChain.ModelRegistry.Evaluation.Onnx;
using DaiChain.ModelRegistry.Evaluation.Tensors;

namespace DaiChain.ModelRegistry.Evaluation.Operators;

/// <summary>Gather along an axis by int32/int64 indices (negative indices count from the end).</summary>
internal sealed class GatherKernel : Kernel
{
    private readonly long _axis;

    public GatherKernel(OnnxNode node, NodeAttributes attributes)
        : base(node)
    {
        _axis = attributes.Int("axis", 0);
        attributes.RejectUnread();
        LimitInputs(2);
        LimitOutputs(1);
    }

    public override Tensor?[] Run(Tensor?[] inputs, WorkMeter meter)
    {
        var data = Required(inputs, 0);
        var indices = Required(inputs, 1);
        RequireType(indices, "indices", ElementType.Int64, ElementType.Int32);
        if (data.Rank == 0)
        {
            throw Mismatch("data must have rank 1 or more");
        }

        var axis = NormalizeAxis(_axis, data.Rank);
        var shape = data.Shape[..axis].Concat(indices.Shape).Concat(data.Shape[(axis + 1)..]).ToArray();
        meter.CheckShape(shape, Node);
        meter.Add(Shapes.ElementCount(shape), Node);
        if (!AllHaveData(data, indices))
        {
            return [Tensor.ShapeOnly(data.Type, shape)];
        }

        var outer = (int)Shapes.ElementCount(data.Shape, 0, axis);
        var extent = data.Shape[axis];
        var inner = (int)Shapes.ElementCount(data.Shape, axis + 1, data.Rank);
        var idx = indices.LongData;
        var offsets = new int[(int)Shapes.ElementCount(shape)];
        var o = 0;
        for (var a = 0; a < outer; a++)
        {
            foreach (var raw in idx)
            {
                var i = raw < 0 ? raw + extent : raw;
                if (i < 0 || i >= extent)
                {
                    throw RuntimeFailure(string.Create(CultureInfo.InvariantCulture, $"index {raw} is out of range for axis {axis} of size {extent}"));
                }

                var baseOffset = ((a * extent) + (int)i) * inner;
                for (var k = 0; k < inner; k++)
                {
                    offsets[o++] = baseOffset + k;
                }
            }
        }

        return [TransposeKernel.Gathered(data, shape, offsets)];
    }
}
