using DaiChain.Consensus.Signing;

namespace DaiChain.ConsensusSim;

/// <summary>
/// An in-memory <see cref="ISignerStateStore"/> that survives simulated crashes (a save is durable when it returns).
/// <see cref="CrashOnSave"/> kills the node at the chosen save, before or after the state becomes durable.
/// </summary>
public sealed class MemorySignerStateStore : ISignerStateStore
{
    private SignerState? _state;

    public int Saves { get; private set; }

    /// <summary>When set, save number <c>Index</c> (1-based) crashes, having persisted the state or not.</summary>
    public (int Index, bool AfterPersist)? CrashOnSave { get; set; }

    public SignerState? Load() => _state;

    public void Save(SignerState state)
    {
        Saves++;
        if (CrashOnSave is { } crash && crash.Index == Saves)
        {
            if (crash.AfterPersist)
            {
                _state = state;
            }

            throw new SimulatedCrashException($"crash at signer save {Saves}");
        }

        _state = state;
    }
}
