namespace DaiChain.Node.Registry;

/// <summary>The kinds of <see cref="ArtifactMessage"/>. Stored as one byte.</summary>
public enum ArtifactMessageKind : byte
{
    Request = 1,
    Chunk = 2,
    NotHeld = 3,
}
