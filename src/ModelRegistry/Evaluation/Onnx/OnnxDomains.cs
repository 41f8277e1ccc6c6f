namespace DaiChain.ModelRegistry.Evaluation.Onnx;

/// <summary>The operator domains and version ranges the evaluator accepts.</summary>
internal static class OnnxDomains
{
    /// <summary>The default domain; models write it as "" or "ai.onnx", the evaluator always as this.</summary>
    public const string Onnx = "ai.onnx";

    public const string OnnxMl = "ai.onnx.ml";

    public const long MinIrVersion = 3;
    public const long MaxIrVersion = 10;
    public const long MinOnnxOpset = 9;
    public const long MaxOnnxOpset = 21;
    public const long MinMlOpset = 1;
    public const long MaxMlOpset = 3;

    public static string Normalize(string domain) => domain.Length == 0 ? Onnx : domain;
}
