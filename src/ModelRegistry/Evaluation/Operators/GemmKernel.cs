using DaiChain.ModelRegistry.Evaluation.Onnx;
using DaiChain.ModelRegistry.Evaluation.Tensors;

namespace DaiChain.ModelRegistry.Evaluation.Operators;

/// <summary>Gemm: Y = alpha · A' · B' + beta · C, with C optional from opset 11 and broadcast to [M, N].</summary>
/// <remarks>
/// The product accumulates in double over k ascending; then alpha and beta · C are applied in double and the
/// result rounded once. A transposed B (PyTorch's Linear exports transB = 1) is packed to [K, N] once per weight.
/// </remarks>
internal sealed class GemmKernel : Kernel
{
    private readonly double _alpha;
    private readonly double _beta;
    private readonly bool _transA;
    private readonly bool _transB;
    private readonly PackedCache _b = new();

    public GemmKernel(OnnxNode node, NodeAttributes attributes)
        : base(node)
    {
        _alpha = attributes.Float("alpha", 1f);
        _beta = attributes.Float("beta", 1f);
        _transA = attributes.Int("transA", 0) != 0;
        _transB = attributes.Int("transB", 0) != 0;
        attributes.RejectUnread();
        LimitInputs(3);
        LimitOutputs(1);
    }

    public override Tensor?[] Run(Tensor?[] inputs, WorkMeter meter)
    {
        var a = Required(inputs, 0);
        var b = Required(inputs, 1);
        var c = Optional(inputs, 2);
        if (c is null && Node.OpsetVersion < 11)
        {
            throw Invalid("input C is required before opset 11");
        }

        RequireFloating(a, "A");
        if (b.Type != a.Type || (c is not null && c.Type != a.Type))
        {
            throw Mismatch("inputs have different element types");
        }

        if (a.Rank != 2 || b.Rank != 2)
        {
            throw Mismatch($"A and B must be 2-D, got {Shapes.Format(a.Shape)} and {Shapes.Format(b.Shape)}");
        }

        var m = _transA ? a.Shape[1] : a.Shape[0];
        var k = _transA ? a.Shape[0] : a.Shape[1];
        var kb = _transB ? b.Shape[1] : b.Shape[0];
        var n = _transB ? b.Shape[0] : b.Shape[1];
        if (k != kb)
        {
            throw Mismatch($"inner dimensions differ: A' is [{m},{k}], B' is [{kb},{n}]");
        }

        int[] shape = [m, n];
        if (c is not null && (Shapes.Broadcast(c.Shape, shape) is not { } cb || !Shapes.Equal(cb, shape)))
        {
            throw Mismatch($"C {Shapes.Format(c.Shape)} does not broadcast to [{m},{n}]");
        }

        meter.CheckShape(shape, Node);
        meter.Add((long)m * n * k, Node);
        if (!AllHaveData(a, b, c))
        {
            return [Tensor.ShapeOnly(a.Type, shape)];
        }

        var ad = Numeric.ReadDoubles(a);
        var bd = _b.GetOrCreate(b, () => Pack(b, k, n));
        var acc = new double[m * n];
        Dense.Multiply(ad, 0, _transA ? 1 : k, _transA ? m : 1, bd, 0, m, k, n, acc);
        if (_alpha != 1.0)
        {
            for (var i = 0; i < acc.Length; i++)
            {
                acc[i] *= _alpha;
            }
        }

        if (c is not null && _beta != 0.0)
        {
            var cd = Numeric.ReadDoubles(c);
            var offsets = Broadcasting.Offsets(c.Shape, shape);
            for (var i = 0; i < acc.Length; i++)
            {
                acc[i] += _beta == 1.0 ? cd[offsets[i]] : _beta * cd[offsets[i]];
            }
        }

        return [Numeric.Write(a.Type, shape, acc)];
    }

    /// <summary>B' as row-major double [K, N].</summary>
    private double[] Pack(Tensor b, int k, int n)
    {
        var src = Numeric.ReadDoubles(b);
        if (!_transB)
        {
            return b.Type == ElementType.Double ? (double[])src.Clone() : src;
        }

        var packed = new double[k * n];
        for (var j = 0; j < n; j++)
        {
            for (var kk = 0; kk < k; kk++)
            {
                packed[(kk * n) + j] = src[(j * k) + kk];
            }
        }

        return packed;
    }
}
