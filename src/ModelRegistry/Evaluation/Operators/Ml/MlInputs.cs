using DaiChain.ModelRegistry.Evaluation.Tensors;

namespace DaiChain.ModelRegistry.Evaluation.Operators.Ml;

/// <summary>The [N, F] view the ai.onnx.ml operators take of their input (a 1-D input is one sample).</summary>
internal static class MlInputs
{
    public static (int Rows, int Features) RowsAndFeatures(Tensor x, Func<string, Exception> mismatch)
    {
        return x.Rank switch
        {
            1 => (1, x.Shape[0]),
            2 => (x.Shape[0], x.Shape[1]),
            _ => throw mismatch($"input {Shapes.Format(x.Shape)} must be [N, F] or [F]"),
        };
    }

    public static bool IsNumericInput(ElementType type) =>
        type is ElementType.Float or ElementType.Double or ElementType.Int64 or ElementType.Int32;
}
