namespace DaiChain.Node.Evaluation;

/// <summary>A finished evaluation, or why none could run here (not cached: the next request tries again).</summary>
public sealed record EvaluationOutcome(StoredEvaluation? Stored, string? Problem)
{
    public static EvaluationOutcome Done(StoredEvaluation stored) => new(stored, null);

    public static EvaluationOutcome Unavailable(string problem) => new(null, problem);
}
