namespace DaiChain.Ledger.Parameters;

/// <summary>A chain parameter: a named unsigned integer with a default and an allowed range, changeable by governance.</summary>
public sealed record ParameterDefinition(string Name, ulong Default, ulong Min, ulong Max, string Description)
{
    public bool Allows(ulong value) => value >= Min && value <= Max;
}
