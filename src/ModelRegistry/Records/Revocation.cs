using DaiChain.Ledger.Primitives;

namespace DaiChain.ModelRegistry.Records;

/// <summary>Why, when and by whom a version was revoked.</summary>
public sealed record Revocation(string Reason, ulong Height, Address By);
