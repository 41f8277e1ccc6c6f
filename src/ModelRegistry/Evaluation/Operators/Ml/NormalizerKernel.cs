using DaiChain.ModelRegistry.Evaluation.Onnx;
using DaiChain.ModelRegistry.Evaluation.Tensors;

namespace DaiChain.ModelRegistry.Evaluation.Operators.Ml;

/// <summary>Normalizer per row: MAX divides by the row maximum, L1 by Σ|x|, L2 by sqrt(Σx²); a zero norm leaves the row unchanged.</summary>
internal sealed class NormalizerKernel : Kernel
{
    private readonly string _norm;

    public NormalizerKernel(OnnxNode node, NodeAttributes attributes)
        : base(node)
    {
        _norm = attributes.String("norm", "MAX");
        if (_norm is not ("MAX" or "L1" or "L2"))
        {
            throw attributes.Invalid("norm", $"'{_norm}' is not one of MAX, L1, L2");
        }

        attributes.RejectUnread();
        LimitInputs(1);
        LimitOutputs(1);
    }

    public override Tensor?[] Run(Tensor?[] inputs, WorkMeter meter)
    {
        var x = Required(inputs, 0);
        if (!MlInputs.IsNumericInput(x.Type))
        {
            throw Mismatch($"input element type {ElementTypes.Name(x.Type)} is not accepted");
        }

        var (rows, width) = MlInputs.RowsAndFeatures(x, Mismatch);
        meter.Add(x.ElementCount * 2, Node);
        if (!x.HasData)
        {
            return [Tensor.ShapeOnly(ElementType.Float, x.Shape)];
        }

        var values = Numeric.ReadDoubles(x);
        var result = new double[values.Length];
        for (var r = 0; r < rows; r++)
        {
            var row = new ReadOnlySpan<double>(values, r * width, width);
            var norm = 0.0;
            switch (_norm)
            {
                case "MAX":
                    norm = width == 0 ? 0.0 : double.NegativeInfinity;
                    foreach (var v in row)
                    {
                        norm = v > norm ? v : norm;
                    }

                    break;
                case "L1":
                    foreach (var v in row)
                    {
                        norm += Math.Abs(v);
                    }

                    break;
                default:
                    foreach (var v in row)
                    {
                        norm += v * v;
                    }

                    norm = Math.Sqrt(norm);
                    break;
            }

            for (var i = 0; i < width; i++)
            {
                result[(r * width) + i] = norm != 0 ? row[i] / norm : row[i];
            }
        }

        return [Numeric.Write(ElementType.Float, x.Shape, result)];
    }
}
