using System.Threading.Channels;
using DaiChain.Ledger.Chain;
using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Primitives;
using DaiChain.Ledger.Transactions;
using DaiChain.ModelRegistry;
using DaiChain.ModelRegistry.Records;
using DaiChain.ModelRegistry.Transactions;
using Microsoft.Extensions.Logging;

namespace DaiChain.Node.Registry;

/// <summary>
/// Makes a node hold the artifacts committed transactions name: the node's commit path hands it each block and its
/// receipts (<see cref="OnBlockCommitted(Block, IReadOnlyList{Receipt})"/>), and a single background loop fetches what
/// the node lacks — the model artifact of every newly registered version, the receipts file a provider deposited with
/// a batch, the file of a public dataset — through the <see cref="ArtifactsReactor"/>, retrying a few times with a
/// growing delay while peers catch up.
/// </summary>
/// <remarks>
/// Bounded: at most <see cref="Capacity"/> hashes wait; beyond that new ones are dropped (and logged), never buffered
/// without bound. A private dataset is never queued, and a hash the chain names as one is skipped whatever named it.
/// </remarks>
public sealed class ArtifactFetchQueue : IAsyncDisposable
{
    public const int Capacity = 4_096;
    private const int Attempts = 5;

    private readonly ArtifactsReactor _reactor;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly TimeSpan _retryDelay;
    private readonly Channel<Hash256> _wanted = Channel.CreateBounded<Hash256>(new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _loop;

    public ArtifactFetchQueue(ArtifactsReactor reactor, ILogger logger, TimeProvider time, TimeSpan? retryDelay = null)
    {
        _reactor = reactor;
        _logger = logger;
        _time = time;
        _retryDelay = retryDelay ?? TimeSpan.FromSeconds(2);
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Artifacts fetched so far.</summary>
    public int Fetched => Volatile.Read(ref _fetched);

    private int _fetched;

    /// <summary>
    /// Queues every artifact the block's successful transactions name: versions' model artifacts, deposited receipts
    /// files and public datasets' files (a dataset registered without an upload is looked for and given up on).
    /// </summary>
    public void OnBlockCommitted(Block block, IReadOnlyList<Receipt> receipts)
    {
        OnBlockCommitted(receipts);
        for (var i = 0; i < block.Transactions.Count && i < receipts.Count; i++)
        {
            if (receipts[i].Success && NamedFile(block.Transactions[i].Transaction) is { IsZero: false } hash)
            {
                Want(hash);
            }
        }
    }

    /// <summary>Queues the artifact of every version the block registered (event <c>registry.version_registered</c>).</summary>
    public void OnBlockCommitted(IReadOnlyList<Receipt> receipts)
    {
        foreach (var receipt in receipts)
        {
            foreach (var e in receipt.Events)
            {
                if (e.Type == "registry.version_registered" && Hash256.TryParse(e["artifact"], out var hash))
                {
                    Want(hash);
                }
            }
        }
    }

    /// <summary>Queues one artifact; false when the queue is full.</summary>
    public bool Want(Hash256 hash)
    {
        if (_wanted.Writer.TryWrite(hash))
        {
            return true;
        }

        _logger.LogWarning("Artifact fetch queue is full ({Capacity}); not fetching {Hash} now", Capacity, hash);
        return false;
    }

    /// <summary>The receipts file of a batch, or the file of a public dataset, that a committed transaction names.</summary>
    private static Hash256? NamedFile(Transaction transaction)
    {
        try
        {
            return transaction.Kind switch
            {
                RegistryKinds.RecordInferenceBatch => Canonical.Decode<RecordInferenceBatchPayload>(transaction.Payload.Span).ReceiptsArtifact,
                RegistryKinds.RegisterDataset when Canonical.Decode<RegisterDatasetPayload>(transaction.Payload.Span) is { Visibility: DatasetVisibility.Public } dataset => dataset.Hash,
                _ => null,
            };
        }
        catch (CodecException)
        {
            // It executed successfully, so it decodes; should a later version differ, it names nothing to fetch.
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _wanted.Writer.TryComplete();
        await _stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        _stopping.Dispose();
    }

    private async Task RunAsync()
    {
        await foreach (var hash in _wanted.Reader.ReadAllAsync(_stopping.Token).ConfigureAwait(false))
        {
            // Only public datasets are queued, but a version or batch could name a private dataset's hash: never ask for it.
            if (_reactor.IsPrivateDataset(hash))
            {
                _logger.LogWarning("Not fetching artifact {Hash}: {Reason}", hash, PrivateDatasetGuard.Refusal(hash));
                continue;
            }

            for (var attempt = 1; attempt <= Attempts; attempt++)
            {
                try
                {
                    await _reactor.FetchAsync(hash, _stopping.Token).ConfigureAwait(false);
                    Interlocked.Increment(ref _fetched);
                    break;
                }
                catch (ArtifactFetchException e)
                {
                    if (attempt == Attempts)
                    {
                        _logger.LogWarning("Gave up fetching artifact {Hash} after {Attempts} attempts: {Reason}", hash, Attempts, e.Message);
                        break;
                    }

                    await Task.Delay(_retryDelay * attempt, _time, _stopping.Token).ConfigureAwait(false);
                }
            }
        }
    }
}
