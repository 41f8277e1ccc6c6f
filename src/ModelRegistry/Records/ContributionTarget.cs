namespace DaiChain.ModelRegistry.Records;

/// <summary>What a training contribution was made to. Stored as one byte.</summary>
public enum ContributionTarget : byte
{
    Model = 1,
    Round = 2,
}
