using System.Globalization;
using DaiChain.ModelRegistry.Evaluation.Onnx;
using DaiChain.ModelRegistry.Evaluation.Tensors;

namespace DaiChain.ModelRegistry.Evaluation.Operators.Ml;

/// <summary>
/// ArrayFeatureExtractor: selects indices Y along the last axis of X. Output: X's shape with the last dimension
/// replaced by the number of indices; a 1-D X gives [1, k] (which is how skl2onnx maps class indices to labels).
/// </summary>
internal sealed class ArrayFeatureExtractorKernel : Kernel
{
    public ArrayFeatureExtractorKernel(OnnxNode node, NodeAttributes attributes)
        : base(node)
    {
        attributes.RejectUnread();
        LimitInputs(2);
        LimitOutputs(1);
    }

    public override Tensor?[] Run(Tensor?[] inputs, WorkMeter meter)
    {
        var x = Required(inputs, 0);
        var y = Required(inputs, 1);
        RequireType(y, "indices", ElementType.Int64);
        if (x.Rank == 0)
        {
            throw Mismatch("X must have rank 1 or more");
        }

        var k = (int)y.ElementCount;
        var shape = x.Rank == 1 ? [1, k] : x.Shape[..^1].Append(k).ToArray();
        meter.CheckShape(shape, Node);
        meter.Add(Shapes.ElementCount(shape), Node);
        if (!AllHaveData(x, y))
        {
            return [Tensor.ShapeOnly(x.Type, shape)];
        }

        var last = x.Shape[^1];
        var outer = (int)(x.ElementCount / Math.Max(last, 1));
        var offsets = new int[(int)Shapes.ElementCount(shape)];
        var o = 0;
        for (var r = 0; r < outer; r++)
        {
            foreach (var index in y.LongData)
            {
                if (index < 0 || index >= last)
                {
                    throw RuntimeFailure(string.Create(CultureInfo.InvariantCulture, $"index {index} is out of range for a last dimension of {last}"));
                }

                offsets[o++] = (r * last) + (int)index;
            }
        }

        return [TransposeKernel.Gathered(x, shape, offsets)];
    }
}
