using DaiChain.Ledger.Primitives;
using DaiChain.ModelRegistry.Artifacts;

namespace DaiChain.Node.Registry;

/// <summary>Serves chunks from an <see cref="ArtifactStore"/>.</summary>
public sealed class StoreChunkSource(ArtifactStore store) : IArtifactChunkSource
{
    public long? SizeOf(Hash256 hash) => store.GetInfo(hash) is { State: ArtifactState.Held } info ? info.SizeBytes : null;

    public Task<byte[]?> ReadChunkAsync(Hash256 hash, long offset, int count, CancellationToken cancellationToken) =>
        store.ReadChunkAsync(hash, offset, count, cancellationToken);
}
