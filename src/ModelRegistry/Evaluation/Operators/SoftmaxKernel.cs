using DaiChain.ModelRegistry.Evaluation.Numerics;
using DaiChain.ModelRegistry.Evaluation.Onnx;
using DaiChain.ModelRegistry.Evaluation.Tensors;

namespace DaiChain.ModelRegistry.Evaluation.Operators;

/// <summary>Softmax with the opset's axis semantics.</summary>
/// <remarks>
/// Before opset 13 the input is coerced to 2-D at <c>axis</c> (default 1) and each row of the flattened
/// trailing dimensions is normalised; from opset 13 the normalisation runs along the single axis (default -1).
/// Each slice: maximum, e^(x − max) in double, sum in index order, divide, round once.
/// </remarks>
internal sealed class SoftmaxKernel : Kernel
{
    private readonly long _axis;

    public SoftmaxKernel(OnnxNode node, NodeAttributes attributes)
        : base(node)
    {
        _axis = attributes.Int("axis", node.OpsetVersion < 13 ? 1 : -1);
        attributes.RejectUnread();
        LimitInputs(1);
        LimitOutputs(1);
    }

    public override Tensor?[] Run(Tensor?[] inputs, WorkMeter meter)
    {
        var x = Required(inputs, 0);
        RequireFloating(x, "input");
        var rank = x.Rank;
        var axis = NormalizeAxis(_axis, Math.Max(rank, 1));
        meter.Add(x.ElementCount * 25, Node);
        if (!x.HasData)
        {
            return [Tensor.ShapeOnly(x.Type, x.Shape)];
        }

        // outer × length × inner: softmax along the middle index.
        long outer, length, inner;
        if (Node.OpsetVersion < 13)
        {
            outer = Shapes.ElementCount(x.Shape, 0, axis);
            length = Shapes.ElementCount(x.Shape, axis, rank);
            inner = 1;
        }
        else
        {
            outer = Shapes.ElementCount(x.Shape, 0, axis);
            length = rank == 0 ? 1 : x.Shape[axis];
            inner = Shapes.ElementCount(x.Shape, axis + 1, rank);
        }

        var values = Numeric.ReadDoubles(x);
        var result = new double[values.Length];
        var e = new double[length];
        for (long o = 0; o < outer; o++)
        {
            for (long k = 0; k < inner; k++)
            {
                var start = (o * length * inner) + k;
                var max = double.NegativeInfinity;
                for (long j = 0; j < length; j++)
                {
                    var v = values[start + (j * inner)];
                    if (v > max || double.IsNaN(v))
                    {
                        max = v;
                    }
                }

                var sum = 0.0;
                for (long j = 0; j < length; j++)
                {
                    e[j] = DeterministicMath.Exp(values[start + (j * inner)] - max);
                    sum += e[j];
                }

                for (long j = 0; j < length; j++)
                {
                    result[start + (j * inner)] = e[j] / sum;
                }
            }
        }

        return [Numeric.Write(x.Type, x.Shape, result)];
    }
}
