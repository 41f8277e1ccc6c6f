namespace DaiChain.ModelRegistry.Records;

/// <summary>Where a version's evaluation stands. Stored as one byte.</summary>
/// <remarks>Versions are registered <see cref="Unevaluated"/>; validator evaluation (docs/EVALUATION.md) records verdicts later.</remarks>
public enum EvaluationState : byte
{
    Unevaluated = 0,
    Accepted = 1,
    Rejected = 2,
}
