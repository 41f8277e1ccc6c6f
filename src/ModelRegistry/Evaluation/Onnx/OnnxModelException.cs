namespace DaiChain.ModelRegistry.Evaluation.Onnx;

/// <summary>A submitted model was rejected; the message names the operator, domain and opset, or the rule broken.</summary>
/// <remarks>
/// Thrown only for properties of the model (and how it meets the benchmark), never for the validator's own
/// state, so every validator rejects the same model with the same reason.
/// </remarks>
public sealed class OnnxModelException : Exception
{
    public OnnxModelException()
        : this(ModelRejectionReason.Malformed, "the model was rejected")
    {
    }

    public OnnxModelException(string message)
        : this(ModelRejectionReason.Malformed, message)
    {
    }

    public OnnxModelException(string message, Exception innerException)
        : base(message, innerException)
    {
        Reason = ModelRejectionReason.Malformed;
    }

    public OnnxModelException(ModelRejectionReason reason, string message)
        : base(message)
    {
        Reason = reason;
    }

    public OnnxModelException(ModelRejectionReason reason, string message, Exception innerException)
        : base(message, innerException)
    {
        Reason = reason;
    }

    public ModelRejectionReason Reason { get; }
}
