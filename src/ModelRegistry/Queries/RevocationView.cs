namespace DaiChain.ModelRegistry.Queries;

/// <summary>A revocation: why, at which height, by whom.</summary>
public sealed record RevocationView(string Reason, ulong Height, string By);
