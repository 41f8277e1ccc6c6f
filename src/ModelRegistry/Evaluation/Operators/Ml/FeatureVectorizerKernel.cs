using DaiChain.ModelRegistry.Evaluation.Onnx;
using DaiChain.ModelRegistry.Evaluation.Tensors;

namespace DaiChain.ModelRegistry.Evaluation.Operators.Ml;

/// <summary>FeatureVectorizer: concatenates [N, Cᵢ] inputs into float [N, Σ inputdimensions], truncating or zero-padding each to its declared width.</summary>
internal sealed class FeatureVectorizerKernel : Kernel
{
    private readonly int[] _dims;

    public FeatureVectorizerKernel(OnnxNode node, NodeAttributes attributes)
        : base(node)
    {
        var dims = attributes.Ints("inputdimensions") ?? throw attributes.Invalid("inputdimensions", "required but missing");
        if (dims.Length != node.Inputs.Length || dims.Any(d => d < 0 || d > 1 << 20))
        {
            throw attributes.Invalid("inputdimensions", "needs one width in 0..2^20 per input");
        }

        _dims = dims.Select(d => (int)d).ToArray();
        attributes.RejectUnread();
        LimitOutputs(1);
    }

    public override Tensor?[] Run(Tensor?[] inputs, WorkMeter meter)
    {
        var parts = inputs.Select((_, i) => Required(inputs, i)).ToArray();
        var rows = -1;
        foreach (var p in parts)
        {
            if (!MlInputs.IsNumericInput(p.Type))
            {
                throw Mismatch($"input element type {ElementTypes.Name(p.Type)} is not accepted");
            }

            var (r, _) = p.Rank == 1 ? (p.Shape[0], 1) : MlInputs.RowsAndFeatures(p, Mismatch);
            if (rows >= 0 && r != rows)
            {
                throw Mismatch("inputs have different numbers of rows");
            }

            rows = r;
        }

        var width = _dims.Sum();
        int[] shape = [rows, width];
        meter.CheckShape(shape, Node);
        meter.Add((long)rows * width, Node);
        if (!AllHaveData(parts))
        {
            return [Tensor.ShapeOnly(ElementType.Float, shape)];
        }

        var result = new double[rows * width];
        var at = 0;
        for (var k = 0; k < parts.Length; k++)
        {
            var values = Numeric.ReadDoubles(parts[k]);
            var columns = parts[k].Rank == 1 ? 1 : parts[k].Shape[1];
            var copy = Math.Min(columns, _dims[k]);
            for (var r = 0; r < rows; r++)
            {
                for (var c = 0; c < copy; c++)
                {
                    result[(r * width) + at + c] = values[(r * columns) + c];
                }
            }

            at += _dims[k];
        }

        return [Numeric.Write(ElementType.Float, shape, result)];
    }
}
