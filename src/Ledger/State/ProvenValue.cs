using DaiChain.Ledger.Primitives;

namespace DaiChain.Ledger.State;

/// <summary>
/// A state value (or its absence) at a height, with the proof that binds it to that height's state root — what
/// RPC serves to auditors. Check it with <see cref="Verify"/> against the root in the header of <see cref="Height"/>.
/// </summary>
public sealed record ProvenValue(ulong Height, Hash256 StateRoot, Hash256 KeyHash, byte[]? Value, StateProof Proof)
{
    /// <summary>True when the proof shows exactly this value (or absence) under <paramref name="stateRoot"/>.</summary>
    public bool Verify(Hash256 stateRoot) =>
        Value is null
            ? Proof.VerifyExclusion(stateRoot, KeyHash)
            : Proof.VerifyInclusion(stateRoot, KeyHash, StateHashing.ValueHash(Value));
}
