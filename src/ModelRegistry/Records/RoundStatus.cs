namespace DaiChain.ModelRegistry.Records;

/// <summary>A federated round's state. Stored as one byte.</summary>
public enum RoundStatus : byte
{
    Open = 1,
    Closed = 2,
}
