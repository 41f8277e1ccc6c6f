namespace DaiChain.ModelRegistry.Evaluation;

/// <summary>The deterministic bounds on what a model and a dataset may ask of a validator.</summary>
/// <remarks>
/// These are consensus parameters: every validator must use the same values (<see cref="Default"/>), because
/// a model that exceeds one is rejected and the rejection is recorded on chain. Nothing here is a clock:
/// the work bound is computed from the graph's shapes before any sample is evaluated.
/// </remarks>
public sealed record EvaluationLimits
{
    /// <summary>The limits of evaluator version 1.</summary>
    public static EvaluationLimits Default { get; } = new();

    /// <summary>Largest accepted ONNX file.</summary>
    public int MaxModelBytes { get; init; } = 64 * 1024 * 1024;

    /// <summary>Deepest protobuf nesting accepted while parsing (the schema itself needs 6).</summary>
    public int MaxProtobufDepth { get; init; } = 32;

    public int MaxNodes { get; init; } = 10_000;

    /// <summary>Largest element count of any tensor: initializer, attribute or intermediate value.</summary>
    public int MaxTensorElements { get; init; } = 1 << 24;

    public int MaxRank { get; init; } = 8;

    /// <summary>Largest node count of all trees of one tree-ensemble operator.</summary>
    public int MaxTreeNodes { get; init; } = 1 << 22;

    public int MaxTreeDepth { get; init; } = 1024;

    /// <summary>
    /// Work budget for a whole evaluation in multiply-accumulate units (see <c>docs/spec/benchmark-dataset.md</c>
    /// for what each operator counts), computed from the graph and the dataset size before running.
    /// </summary>
    public long MaxWorkUnits { get; init; } = 20_000_000_000;

    /// <summary>Largest batch of samples run through the graph at once; the evaluator picks the largest power of two up to this that fits <see cref="MaxTensorElements"/>.</summary>
    public int MaxBatchSize { get; init; } = 64;

    public int MaxDatasetBytes { get; init; } = 512 * 1024 * 1024;

    public int MaxSamples { get; init; } = 1 << 22;
}
