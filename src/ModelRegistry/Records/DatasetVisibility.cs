namespace DaiChain.ModelRegistry.Records;

/// <summary>Whether a dataset's bytes may be shared. Stored as one byte.</summary>
/// <remarks>Private data never leaves its holders (validators evaluate on it locally: compute-to-data); the chain holds only its hash.</remarks>
public enum DatasetVisibility : byte
{
    Public = 1,
    Private = 2,
}
