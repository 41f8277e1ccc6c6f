namespace DaiChain.ModelRegistry.Queries;

/// <summary>
/// One fact of a provenance report and its proof: the state key (<see cref="Space"/> and the hex
/// <see cref="Id"/>, so <c>keyHash = SHA-256(space ‖ "/" ‖ id)</c>), the value's canonical bytes, and the Merkle
/// proof (canonical <c>StateProof</c> bytes) that the key holds exactly that value under the report's state root.
/// </summary>
public sealed record ProvenFactView(string Fact, string Space, string Id, string KeyHash, string Value, string Proof);
