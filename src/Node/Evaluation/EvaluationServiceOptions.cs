namespace DaiChain.Node.Evaluation;

/// <summary>Bounds of the background evaluation worker.</summary>
public sealed record EvaluationServiceOptions
{
    /// <summary>Evaluations waiting to run; further requests are refused until the queue drains (they are asked again later).</summary>
    public int QueueCapacity { get; init; } = 64;

    /// <summary>Evaluations running at once, each on one thread (the evaluator's result does not depend on it).</summary>
    public int Workers { get; init; } = 1;

    /// <summary>Problems remembered for <c>registry_getEvaluation</c>; the oldest are forgotten beyond it.</summary>
    public int MaxRememberedProblems { get; init; } = 1024;
}
