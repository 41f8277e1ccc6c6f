using DaiChain.Ledger.Primitives;

namespace DaiChain.Node.Registry;

/// <summary>Where the artifacts reactor reads the chunks it serves to peers (the node's artifact store).</summary>
public interface IArtifactChunkSource
{
    /// <summary>The artifact's size, or null when it is not held.</summary>
    long? SizeOf(Hash256 hash);

    /// <summary>Up to <paramref name="count"/> bytes at <paramref name="offset"/>, or null when the artifact is not held.</summary>
    Task<byte[]?> ReadChunkAsync(Hash256 hash, long offset, int count, CancellationToken cancellationToken);
}
