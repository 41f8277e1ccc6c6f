using DaiChain.Ledger.Primitives;
using DaiChain.ModelRegistry.Artifacts;
using DaiChain.ModelRegistry.Records;
using DaiChain.Node.Registry;

namespace DaiChain.Node.Evaluation;

/// <summary>
/// A validator's evaluation inputs: models from the artifact store, fetched from peers when missing; public datasets
/// the same way; private datasets only from the operator's own directory (<see cref="PrivateDatasetsDirectory"/>).
/// </summary>
/// <remarks>
/// Compute-to-data: a private dataset is never asked of peers and never put in the artifact store (whose contents
/// peers may fetch), so it stays with the validators its operators provisioned. The operator copies the file to
/// <c>{PrivateDatasetsDirectory}/{sha256 hex}</c>; it is used only when its bytes hash to the committed hash.
/// </remarks>
public sealed class NodeEvaluationInputs : IEvaluationInputs
{
    private readonly ArtifactStore _store;
    private readonly Func<Hash256, CancellationToken, Task>? _fetch;

    /// <param name="store">The node's artifact store.</param>
    /// <param name="fetch">Fetches an artifact from peers into the store (the artifacts reactor); null to never fetch.</param>
    /// <param name="privateDatasetsDirectory">Where the operator provisions datasets by hash.</param>
    public NodeEvaluationInputs(ArtifactStore store, Func<Hash256, CancellationToken, Task>? fetch, string privateDatasetsDirectory)
    {
        _store = store;
        _fetch = fetch;
        PrivateDatasetsDirectory = privateDatasetsDirectory;
        Directory.CreateDirectory(privateDatasetsDirectory);
    }

    public string PrivateDatasetsDirectory { get; }

    /// <remarks>The artifact store's own size cap bounds what is read; the evaluator then applies its model-size limit.</remarks>
    public Task<byte[]> ModelAsync(Hash256 artifact, CancellationToken cancellationToken) =>
        ReadOrFetchAsync(artifact, "model artifact", cancellationToken);

    public async Task<byte[]> DatasetAsync(Hash256 dataset, DatasetVisibility visibility, CancellationToken cancellationToken)
    {
        var local = Path.Combine(PrivateDatasetsDirectory, dataset.ToString());
        if (File.Exists(local))
        {
            var bytes = await File.ReadAllBytesAsync(local, cancellationToken).ConfigureAwait(false);
            if (Hash256.Compute(bytes) == dataset)
            {
                return bytes;
            }

            if (visibility == DatasetVisibility.Private)
            {
                throw new EvaluationUnavailableException($"the provisioned file {local} does not hash to dataset 0x{dataset}");
            }
        }

        if (visibility == DatasetVisibility.Private)
        {
            throw new EvaluationUnavailableException($"private dataset 0x{dataset} is not provisioned on this validator: its operator copies it to {local}");
        }

        return await ReadOrFetchAsync(dataset, "dataset", cancellationToken).ConfigureAwait(false);
    }

    private async Task<byte[]> ReadOrFetchAsync(Hash256 hash, string what, CancellationToken cancellationToken)
    {
        if (await _store.ReadAllAsync(hash, cancellationToken).ConfigureAwait(false) is { } held)
        {
            return held;
        }

        if (_fetch is null)
        {
            throw new EvaluationUnavailableException($"this node does not hold {what} 0x{hash}");
        }

        try
        {
            await _fetch(hash, cancellationToken).ConfigureAwait(false);
        }
        catch (ArtifactFetchException e)
        {
            throw new EvaluationUnavailableException($"{what} 0x{hash} could not be fetched: {e.Message}", e);
        }
        catch (ArtifactStoreException e)
        {
            throw new EvaluationUnavailableException($"{what} 0x{hash} could not be stored: {e.Message}", e);
        }

        return await _store.ReadAllAsync(hash, cancellationToken).ConfigureAwait(false)
            ?? throw new EvaluationUnavailableException($"{what} 0x{hash} vanished after it was fetched");
    }
}
