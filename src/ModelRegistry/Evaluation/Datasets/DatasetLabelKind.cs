namespace DaiChain.ModelRegistry.Evaluation.Datasets;

/// <summary>The label column of a benchmark dataset; values are the ONNX data type codes written in the header.</summary>
public enum DatasetLabelKind : byte
{
    /// <summary>float32 regression targets.</summary>
    Float32 = 1,

    /// <summary>int64 class labels.</summary>
    Int64 = 7,
}
