namespace DaiChain.ModelRegistry.Evaluation.Onnx;

/// <summary>Why a model was rejected; stable codes that the chain may record next to the message.</summary>
public enum ModelRejectionReason : byte
{
    /// <summary>Not a well-formed ONNX protobuf (truncated, wrong wire types, nesting too deep).</summary>
    Malformed = 1,

    /// <summary>A size cap was exceeded: file size, node count, tensor elements, rank, tree size.</summary>
    TooLarge = 2,

    /// <summary>IR version outside 3-10, or an operator-set version outside the supported ranges.</summary>
    UnsupportedVersion = 3,

    /// <summary>An operator (with its domain and opset) that the evaluator does not implement.</summary>
    UnsupportedOperator = 4,

    /// <summary>An attribute, input, output or attribute value that the operator does not accept.</summary>
    InvalidAttribute = 5,

    /// <summary>An element type the evaluator does not accept (float16, uint64, complex, ...).</summary>
    UnsupportedElementType = 6,

    /// <summary>A forbidden construct: external data, sparse tensors, functions, sub-graphs, training info.</summary>
    ForbiddenConstruct = 7,

    /// <summary>The graph is not in topological order, has a cycle, uses an undefined name or produces one twice.</summary>
    InvalidGraph = 8,

    /// <summary>A tensor whose data does not match its type and dimensions.</summary>
    InvalidTensor = 9,

    /// <summary>Shapes or types that do not fit together at an operator.</summary>
    ShapeMismatch = 10,

    /// <summary>The multiply-accumulate budget computed from the graph is exceeded.</summary>
    WorkBudgetExceeded = 11,

    /// <summary>The model does not fit the benchmark: scored output missing, input shape or type not matching the data.</summary>
    BenchmarkMismatch = 12,

    /// <summary>An operator failed on the benchmark data (index out of range, integer division by zero).</summary>
    RuntimeFailure = 13,
}
