using DaiChain.Ledger.Primitives;
using DaiChain.ModelRegistry.Artifacts;
using DaiChain.Node.P2P;
using DaiChain.Node.Registry;
using DaiChain.Node.Tests.P2P;
using DaiChain.TestKit;
using Microsoft.Extensions.Logging.Abstractions;

namespace DaiChain.Node.Tests.Registry;

/// <summary>Artifacts fetched from peers over the artifacts channel of real switches on loopback, verified against their hash.</summary>
public sealed class ArtifactsReactorTests : IAsyncDisposable
{
    private readonly TemporaryDirectory _directory = new();
    private readonly TestNetwork _network = new();
    private readonly List<(P2PSwitch Switch, ArtifactsReactor Reactor)> _nodes = [];

    public async ValueTask DisposeAsync()
    {
        foreach (var (sw, reactor) in _nodes)
        {
            await sw.DisposeAsync();
            await reactor.DisposeAsync();
        }

        await _network.DisposeAsync();
        _directory.Dispose();
    }

    [Fact]
    public async Task A_node_fetches_a_multi_chunk_artifact_from_a_peer_and_holds_it_verified()
    {
        var (holder, holderStore, _) = Start(0);
        var (fetcher, fetcherStore, reactor) = Start(1);
        var bytes = new Random(11).NextBytes((5 * ArtifactMessage.MaxChunkBytes / 2) + 17);
        var hash = Hash256.Compute(bytes);
        await holderStore.PutAsync(hash, bytes);
        await ConnectAsync(fetcher, holder);

        var info = await reactor.FetchAsync(hash);
        Assert.Equal(ArtifactState.Held, info.State);
        Assert.Equal(bytes, await fetcherStore.ReadAllAsync(hash));
        Assert.Empty(Directory.GetFiles(Path.Combine(fetcherStore.Root, "fetch")));

        var missing = Hash256.Compute("nobody has this"u8);
        var error = await Assert.ThrowsAsync<ArtifactFetchException>(() => reactor.FetchAsync(missing));
        Assert.Contains("does not hold it", error.Message, StringComparison.Ordinal);
        Assert.Equal(ArtifactState.NotHeld, fetcherStore.GetInfo(missing).State);
    }

    [Fact]
    public async Task A_peer_serving_wrong_bytes_is_reported_and_another_peer_supplies_the_artifact()
    {
        var bytes = new Random(12).NextBytes(300_000);
        var hash = Hash256.Compute(bytes);
        var (liar, liarStore, _) = Start(0, store => new FlippingSource(new StoreChunkSource(store)));
        var (fetcher, fetcherStore, reactor) = Start(1);
        await liarStore.PutAsync(hash, bytes);
        await ConnectAsync(fetcher, liar);

        var error = await Assert.ThrowsAsync<ArtifactFetchException>(() => reactor.FetchAsync(hash));
        Assert.Contains("do not hash", error.Message, StringComparison.Ordinal);
        Assert.Equal(ArtifactState.NotHeld, fetcherStore.GetInfo(hash).State);
        Assert.True(fetcher.IsBanned(liar.LocalId));

        var (honest, honestStore, _) = Start(2);
        await honestStore.PutAsync(hash, bytes);
        await ConnectAsync(fetcher, honest);
        await reactor.FetchAsync(hash);
        Assert.Equal(bytes, await fetcherStore.ReadAllAsync(hash));
    }

    [Fact]
    public async Task Committed_versions_artifacts_are_fetched_in_the_background()
    {
        var (holder, holderStore, _) = Start(0);
        var (fetcher, fetcherStore, reactor) = Start(1);
        var bytes = "the onnx file of a newly registered version"u8.ToArray();
        var hash = Hash256.Compute(bytes);
        await using var queue = new ArtifactFetchQueue(reactor, NullLogger.Instance, TimeProvider.System, TimeSpan.FromMilliseconds(50));

        // Registered before any peer holds it: the queue retries until one does.
        var registered = new Ledger.Transactions.ReceiptEvent("registry.version_registered", [new("artifact", "0x" + hash)]);
        queue.OnBlockCommitted([new Ledger.Transactions.Receipt(Hash256.Compute("tx"u8), Ledger.Outcome.Success, [registered])]);
        await ConnectAsync(fetcher, holder);
        await holderStore.PutAsync(hash, bytes);
        await Eventually.True(() => fetcherStore.Contains(hash), "the fetcher holds the artifact");
        Assert.Equal(1, queue.Fetched);
    }

    private (P2PSwitch Switch, ArtifactStore Store, ArtifactsReactor Reactor) Start(int index, Func<ArtifactStore, IArtifactChunkSource>? source = null)
    {
        var store = new ArtifactStore(_directory.Combine($"node-{index}"), 16 * 1024 * 1024, TimeProvider.System);
        var sw = new P2PSwitch(TestNetwork.Options(), TestNetwork.Identity(index), _network.Crypto, _network.Registry, TimeProvider.System, new Random(index));
        var reactor = new ArtifactsReactor(store, NullLogger.Instance, source?.Invoke(store), TimeSpan.FromSeconds(5));
        reactor.Attach(sw);
        sw.AddReactor(reactor);
        sw.Start();
        _nodes.Add((sw, reactor));
        return (sw, store, reactor);
    }

    private static async Task ConnectAsync(P2PSwitch from, P2PSwitch to)
    {
        await from.DialAsync(new PeerAddress(to.LocalId, "127.0.0.1", to.ListenEndPoint!.Port));
        await Eventually.True(() => from.TryGetPeer(to.LocalId, out _) && to.TryGetPeer(from.LocalId, out _), "the two nodes connected");
    }

    /// <summary>A byzantine peer: serves the artifact with one bit flipped in the middle.</summary>
    private sealed class FlippingSource(IArtifactChunkSource inner) : IArtifactChunkSource
    {
        public long? SizeOf(Hash256 hash) => inner.SizeOf(hash);

        public async Task<byte[]?> ReadChunkAsync(Hash256 hash, long offset, int count, CancellationToken cancellationToken)
        {
            var chunk = await inner.ReadChunkAsync(hash, offset, count, cancellationToken);
            if (chunk is { Length: > 0 })
            {
                chunk[chunk.Length / 2] ^= 0x10;
            }

            return chunk;
        }
    }
}
