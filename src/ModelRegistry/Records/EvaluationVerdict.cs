namespace DaiChain.ModelRegistry.Records;

/// <summary>The verdict of one benchmark's evaluation, as the evaluator reports it. Stored as one byte.</summary>
public enum EvaluationVerdict : byte
{
    Accepted = 1,
    Rejected = 2,
    InvalidModel = 3,
}
