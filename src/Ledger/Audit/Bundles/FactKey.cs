namespace DaiChain.Ledger.Audit.Bundles;

/// <summary>A state key to prove in a bundle: <c>space/id</c>; the label names it in messages and reports.</summary>
public sealed record FactKey(string Label, string Space, byte[] Id);
