namespace DaiChain.Consensus.Signing;

/// <summary>Durable storage of the double-sign guard's <see cref="SignerState"/>.</summary>
public interface ISignerStateStore
{
    /// <summary>The last saved state, or null when this validator has never signed.</summary>
    SignerState? Load();

    /// <summary>Saves <paramref name="state"/>; returns only once it survives a crash (synced).</summary>
    void Save(SignerState state);
}
