namespace DaiChain.ModelRegistry.Queries;

/// <summary>One stage change of a version.</summary>
public sealed record StageChangeView(string Stage, ulong Height, string By, string Note);
