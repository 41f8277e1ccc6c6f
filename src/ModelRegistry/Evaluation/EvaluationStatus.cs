namespace DaiChain.ModelRegistry.Evaluation;

public enum EvaluationStatus : byte
{
    /// <summary>The model ran and met the benchmark's threshold.</summary>
    Accepted = 1,

    /// <summary>The model ran and missed the threshold; the submission is recorded as rejected.</summary>
    Rejected = 2,

    /// <summary>The model could not be evaluated (malformed, unsupported, over a limit, not fitting the benchmark).</summary>
    InvalidModel = 3,
}
