using DaiChain.ModelRegistry.Evaluation.Onnx;
using DaiChain.ModelRegistry.Evaluation.Tensors;

namespace DaiChain.ModelRegistry.Evaluation.Operators;

/// <summary>MatMul with numpy semantics: 1-D operands promoted and squeezed, batch dimensions broadcast.</summary>
internal sealed class MatMulKernel : Kernel
{
    private readonly PackedCache _b = new();

    public MatMulKernel(OnnxNode node, NodeAttributes attributes)
        : base(node)
    {
        attributes.RejectUnread();
        LimitInputs(2);
        LimitOutputs(1);
    }

    public override Tensor?[] Run(Tensor?[] inputs, WorkMeter meter)
    {
        var a = Required(inputs, 0);
        var b = Required(inputs, 1);
        RequireFloating(a, "A");
        if (b.Type != a.Type)
        {
            throw Mismatch("A and B have different element types");
        }

        if (a.Rank == 0 || b.Rank == 0)
        {
            throw Mismatch("operands must have rank 1 or more");
        }

        var aShape = a.Rank == 1 ? [1, a.Shape[0]] : a.Shape;
        var bShape = b.Rank == 1 ? [b.Shape[0], 1] : b.Shape;
        var m = aShape[^2];
        var k = aShape[^1];
        var n = bShape[^1];
        if (bShape[^2] != k)
        {
            throw Mismatch($"inner dimensions differ: A {Shapes.Format(a.Shape)}, B {Shapes.Format(b.Shape)}");
        }

        var aBatch = aShape[..^2];
        var bBatch = bShape[..^2];
        var batch = Shapes.Broadcast(aBatch, bBatch)
            ?? throw Mismatch($"batch dimensions of A {Shapes.Format(a.Shape)} and B {Shapes.Format(b.Shape)} do not broadcast");
        var outShape = new List<int>(batch);
        if (a.Rank > 1)
        {
            outShape.Add(m);
        }

        if (b.Rank > 1)
        {
            outShape.Add(n);
        }

        var shape = outShape.ToArray();
        meter.CheckShape(shape, Node);
        var batchCount = Shapes.ElementCount(batch);
        meter.Add(batchCount * m * n * (long)k, Node);
        if (!AllHaveData(a, b))
        {
            return [Tensor.ShapeOnly(a.Type, shape)];
        }

        var ad = Numeric.ReadDoubles(a);
        var bd = b.Type == ElementType.Double ? b.DoubleData : _b.GetOrCreate(b, () => Numeric.ReadDoubles(b));
        var aOffsets = Broadcasting.Offsets(aBatch, batch);
        var bOffsets = Broadcasting.Offsets(bBatch, batch);
        var result = new double[batchCount * m * n];
        for (var i = 0; i < batchCount; i++)
        {
            Dense.Multiply(ad, aOffsets[i] * m * k, k, 1, bd, bOffsets[i] * k * n, m, k, n, result.AsSpan(i * m * n, m * n));
        }

        return [Numeric.Write(a.Type, shape, result)];
    }
}
