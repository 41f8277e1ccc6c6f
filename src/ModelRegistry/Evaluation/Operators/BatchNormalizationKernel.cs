using DaiChain.ModelRegistry.Evaluation.Onnx;
using DaiChain.ModelRegistry.Evaluation.Tensors;

namespace DaiChain.ModelRegistry.Evaluation.Operators;

/// <summary>BatchNormalization in inference mode: y = (x − mean) / sqrt(var + epsilon) · scale + B, per channel (axis 1).</summary>
internal sealed class BatchNormalizationKernel : Kernel
{
    private readonly double _epsilon;

    public BatchNormalizationKernel(OnnxNode node, NodeAttributes attributes)
        : base(node)
    {
        _epsilon = attributes.Float("epsilon", 1e-5f);
        attributes.Ignore("momentum");
        if (node.OpsetVersion >= 14 && attributes.Int("training_mode", 0) != 0)
        {
            throw attributes.Invalid("training_mode", "only inference (training_mode = 0) is supported");
        }

        attributes.RejectUnread();
        LimitInputs(5);
        LimitOutputs(1);
    }

    public override Tensor?[] Run(Tensor?[] inputs, WorkMeter meter)
    {
        var x = Required(inputs, 0);
        RequireFloating(x, "X");
        if (x.Rank < 2)
        {
            throw Mismatch("X must have rank 2 or more");
        }

        var channels = x.Shape[1];
        var parameters = new double[4][];
        for (var i = 0; i < 4; i++)
        {
            var p = Required(inputs, i + 1);
            RequireFloating(p, "scale, B, mean and var");
            if (p.Rank != 1 || p.Shape[0] != channels)
            {
                throw Mismatch($"input {i + 1} {Shapes.Format(p.Shape)} must be [{channels}]");
            }

            parameters[i] = p.HasData ? Numeric.ReadDoubles(p) : [];
        }

        meter.Add(x.ElementCount * 4, Node);
        if (!AllHaveData(inputs))
        {
            return [Tensor.ShapeOnly(x.Type, x.Shape)];
        }

        var (scale, bias, mean, variance) = (parameters[0], parameters[1], parameters[2], parameters[3]);
        var values = Numeric.ReadDoubles(x);
        var result = new double[values.Length];
        var inner = (int)Shapes.ElementCount(x.Shape, 2, x.Rank);
        for (var i = 0; i < values.Length; i++)
        {
            var c = i / inner % channels;
            result[i] = ((values[i] - mean[c]) / Math.Sqrt(variance[c] + _epsilon) * scale[c]) + bias[c];
        }

        return [Numeric.Write(x.Type, x.Shape, result)];
    }
}
