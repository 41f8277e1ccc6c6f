namespace DaiChain.ModelRegistry.Artifacts;

/// <summary>An artifact was refused; the message says what to fix and <see cref="Code"/> is stable.</summary>
public sealed class ArtifactStoreException : Exception
{
    public ArtifactStoreException(string code, string message)
        : base(message)
    {
        Code = code;
    }

    public ArtifactStoreException()
        : this("artifact_error", "artifact error")
    {
    }

    public ArtifactStoreException(string message)
        : this("artifact_error", message)
    {
    }

    public ArtifactStoreException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = "artifact_error";
    }

    /// <summary>A stable machine-readable code: <c>hash_mismatch</c>, <c>too_large</c>, <c>erased</c>, ...</summary>
    public string Code { get; } = "artifact_error";
}
