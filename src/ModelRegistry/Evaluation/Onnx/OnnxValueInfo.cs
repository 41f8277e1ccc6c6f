namespace DaiChain.ModelRegistry.Evaluation.Onnx;

/// <summary>A graph input or output: its name and, for tensors, element type code and declared dimensions.</summary>
internal sealed class OnnxValueInfo
{
    public required string Name { get; init; }

    /// <summary>False for sequence, map, optional and sparse types (only ZipMap outputs may have those).</summary>
    public required bool IsTensor { get; init; }

    /// <summary>ONNX data type code of the elements; 0 when not declared.</summary>
    public int ElementTypeCode { get; init; }

    /// <summary>
    /// Declared dimensions, null when the shape is not declared; an entry is null for a symbolic or unknown
    /// dimension (ML.NET writes -1 for those).
    /// </summary>
    public long?[]? Dims { get; init; }
}
