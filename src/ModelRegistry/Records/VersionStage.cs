namespace DaiChain.ModelRegistry.Records;

/// <summary>A version's lifecycle stage, set by the model's owners. Stored as one byte.</summary>
public enum VersionStage : byte
{
    /// <summary>Registered, no stage set yet.</summary>
    None = 0,
    Staging = 1,
    Production = 2,
    Archived = 3,
}
