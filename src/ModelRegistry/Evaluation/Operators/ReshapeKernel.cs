using System.Globalization;
using DaiChain.ModelRegistry.Evaluation.Onnx;
using DaiChain.ModelRegistry.Evaluation.Tensors;

namespace DaiChain.ModelRegistry.Evaluation.Operators;

/// <summary>Reshape by a constant-computable shape: 0 copies the input dimension (unless allowzero, opset 14+), −1 is inferred.</summary>
internal sealed class ReshapeKernel : Kernel
{
    private readonly bool _allowZero;

    public ReshapeKernel(OnnxNode node, NodeAttributes attributes)
        : base(node)
    {
        _allowZero = node.OpsetVersion >= 14 && attributes.Int("allowzero", 0) != 0;
        attributes.RejectUnread();
        LimitInputs(2);
        LimitOutputs(1);
    }

    public override IReadOnlyList<int> ShapeInputs => [1];

    public override Tensor?[] Run(Tensor?[] inputs, WorkMeter meter)
    {
        var x = Required(inputs, 0);
        var target = RequireValues(Required(inputs, 1), "shape");
        RequireType(target, "shape", ElementType.Int64);
        if (target.Rank != 1)
        {
            throw Mismatch("shape must be 1-D");
        }

        var requested = target.LongData;
        var shape = new int[requested.Length];
        var inferred = -1;
        long known = 1;
        for (var i = 0; i < requested.Length; i++)
        {
            var d = requested[i];
            if (d == -1)
            {
                if (inferred >= 0)
                {
                    throw Mismatch("shape has more than one -1");
                }

                inferred = i;
                continue;
            }

            if (d == 0 && !_allowZero)
            {
                if (i >= x.Rank)
                {
                    throw Mismatch(string.Create(CultureInfo.InvariantCulture, $"shape copies dimension {i}, which the input {Shapes.Format(x.Shape)} does not have"));
                }

                d = x.Shape[i];
            }

            if (d < 0 || d > meter.MaxTensorElements)
            {
                throw Mismatch(string.Create(CultureInfo.InvariantCulture, $"shape has dimension {d}"));
            }

            shape[i] = (int)d;
            known *= d;
        }

        if (inferred >= 0)
        {
            if (known == 0 || x.ElementCount % known != 0)
            {
                throw Mismatch($"cannot infer the -1 dimension: {x.ElementCount} elements into shape {Shapes.Format(shape)}");
            }

            shape[inferred] = (int)(x.ElementCount / known);
        }

        if (Shapes.ElementCount(shape) != x.ElementCount)
        {
            throw Mismatch($"cannot reshape {Shapes.Format(x.Shape)} to {Shapes.Format(shape)}");
        }

        meter.Add(1, Node);
        return [x.HasData ? x.WithShape(shape) : Tensor.ShapeOnly(x.Type, shape)];
    }
}
