using System.Threading.Channels;
using DaiChain.Ledger.Primitives;
using DaiChain.Ledger.Transactions;
using Microsoft.Extensions.Logging;

namespace DaiChain.Node.Registry;

/// <summary>
/// Makes a node hold the artifacts committed transactions name: the node's commit path hands it each block's
/// receipts (<see cref="OnBlockCommitted"/>), and a single background loop fetches every model artifact of a newly
/// registered version that the node lacks, through the <see cref="ArtifactsReactor"/>, retrying a few times with a
/// growing delay while peers catch up.
/// </summary>
/// <remarks>Bounded: at most <see cref="Capacity"/> hashes wait; beyond that new ones are dropped (and logged), never buffered without bound.</remarks>
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
