using DaiChain.ModelRegistry.Evaluation.Onnx;
using DaiChain.ModelRegistry.Evaluation.Tensors;

namespace DaiChain.ModelRegistry.Evaluation.Operators;

/// <summary>Transpose by perm (default: reverse the axes).</summary>
internal sealed class TransposeKernel : Kernel
{
    private readonly long[]? _perm;

    public TransposeKernel(OnnxNode node, NodeAttributes attributes)
        : base(node)
    {
        _perm = attributes.Ints("perm");
        attributes.RejectUnread();
        LimitInputs(1);
        LimitOutputs(1);
    }

    public override Tensor?[] Run(Tensor?[] inputs, WorkMeter meter)
    {
        var x = Required(inputs, 0);
        var rank = x.Rank;
        var perm = _perm?.Select(p => (int)p).ToArray() ?? Enumerable.Range(0, rank).Reverse().ToArray();
        if (perm.Length != rank || perm.Order().Select((p, i) => p == i).Any(ok => !ok))
        {
            throw Invalid($"perm is not a permutation of the {rank} axes");
        }

        var shape = perm.Select(p => x.Shape[p]).ToArray();
        meter.Add(x.ElementCount, Node);
        if (!x.HasData)
        {
            return [Tensor.ShapeOnly(x.Type, shape)];
        }

        // Source strides permuted: walking the output in order reads the input at these strides.
        var inStrides = Shapes.Strides(x.Shape);
        var permuted = perm.Select(p => inStrides[p]).ToArray();
        var offsets = new int[x.Length];
        var index = new int[rank];
        var offset = 0;
        for (var i = 0; i < offsets.Length; i++)
        {
            offsets[i] = offset;
            for (var d = rank - 1; d >= 0; d--)
            {
                index[d]++;
                offset += permuted[d];
                if (index[d] < shape[d])
                {
                    break;
                }

                offset -= permuted[d] * shape[d];
                index[d] = 0;
            }
        }

        return [Gathered(x, shape, offsets)];
    }

    /// <summary>A new tensor whose element i is x[offsets[i]].</summary>
    internal static Tensor Gathered(Tensor x, int[] shape, int[] offsets)
    {
        switch (x.Type)
        {
            case ElementType.Float:
                {
                    var s = x.FloatData;
                    return Tensor.FromFloats(shape, offsets.Select(o => s[o]).ToArray());
                }

            case ElementType.Double:
                {
                    var s = x.DoubleData;
                    return Tensor.FromDoubles(shape, offsets.Select(o => s[o]).ToArray());
                }

            case ElementType.String:
                {
                    var s = x.StringData;
                    return Tensor.FromStrings(shape, offsets.Select(o => s[o]).ToArray());
                }

            default:
                {
                    var s = x.LongData;
                    return Tensor.FromLongs(x.Type, shape, offsets.Select(o => s[o]).ToArray());
                }
        }
    }
}
