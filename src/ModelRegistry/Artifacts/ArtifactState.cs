namespace DaiChain.ModelRegistry.Artifacts;

/// <summary>Whether this node holds an artifact's bytes.</summary>
public enum ArtifactState
{
    /// <summary>Never stored here.</summary>
    NotHeld = 0,

    /// <summary>Stored and verified against its hash.</summary>
    Held = 1,

    /// <summary>Stored once, then erased by the operator (for example on a data-protection request).</summary>
    Erased = 2,
}
