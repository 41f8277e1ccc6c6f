using System.Collections.Concurrent;
using DaiChain.Ledger.Primitives;
using DaiChain.ModelRegistry.Artifacts;
using DaiChain.ModelRegistry.Records;
using DaiChain.Node.P2P;
using DaiChain.Node.Registry;
using DaiChain.Node.Tests.P2P;
using DaiChain.RegistryTestKit;
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

    [Fact]
    public async Task Deposited_receipts_files_and_public_datasets_named_by_committed_blocks_are_fetched()
    {
        var (holder, holderStore, _) = Start(0);
        var (fetcher, fetcherStore, reactor) = Start(1);
        var scenario = RegistryTestKit.ProvenanceScenario.Build();
        var receiptsFile = scenario.Receipts.Encode();
        var datasetFile = System.Text.Encoding.UTF8.GetBytes("dataset:mnist-train");
        await holderStore.PutAsync(Hash256.Compute(receiptsFile), receiptsFile);
        await holderStore.PutAsync(Hash256.Compute(datasetFile), datasetFile);
        await ConnectAsync(fetcher, holder);
        await using var queue = new ArtifactFetchQueue(reactor, NullLogger.Instance, TimeProvider.System, TimeSpan.FromMilliseconds(50));

        var store = scenario.Chain.Chain.Store;
        for (ulong height = 1; height <= scenario.Chain.Height; height++)
        {
            queue.OnBlockCommitted(store.GetBlock(height)!, store.GetReceipts(height)!);
        }

        await Eventually.True(() => fetcherStore.Contains(Hash256.Compute(receiptsFile)), "the fetcher holds the receipts file");
        await Eventually.True(() => fetcherStore.Contains(Hash256.Compute(datasetFile)), "the fetcher holds the public dataset");
    }

    [Fact]
    public async Task A_peer_asking_for_a_private_dataset_is_told_not_held_while_public_data_and_models_are_served()
    {
        var guard = PrivateDatasetGuardOverAChain();
        var (holder, holderStore, _) = Start(0, privateDatasets: guard);
        var (asker, askerStore, reactor) = Start(1);
        var privateBytes = "dataset:holdout"u8.ToArray();
        var publicBytes = "dataset:mnist-train"u8.ToArray();
        var modelBytes = new Random(13).NextBytes(200_000);
        foreach (var bytes in new[] { privateBytes, publicBytes, modelBytes })
        {
            // The holder's operator copied the private file into the store by hand: the node still never serves it.
            await holderStore.PutAsync(Hash256.Compute(bytes), bytes);
        }

        await ConnectAsync(asker, holder);

        var error = await Assert.ThrowsAsync<ArtifactFetchException>(() => reactor.FetchAsync(Hash256.Compute(privateBytes)));
        Assert.Contains("does not hold it", error.Message, StringComparison.Ordinal);
        Assert.False(askerStore.Contains(Hash256.Compute(privateBytes)));
        Assert.False(asker.IsBanned(holder.LocalId));

        foreach (var bytes in new[] { publicBytes, modelBytes })
        {
            await reactor.FetchAsync(Hash256.Compute(bytes));
            Assert.Equal(bytes, await askerStore.ReadAllAsync(Hash256.Compute(bytes)));
        }
    }

    [Fact]
    public async Task A_node_never_asks_peers_for_a_private_dataset_even_when_a_committed_version_names_its_hash()
    {
        var guard = PrivateDatasetGuardOverAChain();
        var asked = new ConcurrentBag<Hash256>();
        var (holder, holderStore, _) = Start(0, store => new RecordingSource(new StoreChunkSource(store), asked));
        var (fetcher, fetcherStore, reactor) = Start(1, privateDatasets: guard);
        var privateBytes = "dataset:holdout"u8.ToArray();
        var modelBytes = "the onnx file of a version registered after the private name"u8.ToArray();
        await holderStore.PutAsync(Hash256.Compute(privateBytes), privateBytes);
        await holderStore.PutAsync(Hash256.Compute(modelBytes), modelBytes);
        await ConnectAsync(fetcher, holder);

        var error = await Assert.ThrowsAsync<ArtifactFetchException>(() => reactor.FetchAsync(Hash256.Compute(privateBytes)));
        Assert.Contains("registered as a private dataset", error.Message, StringComparison.Ordinal);

        // The queue works through hashes in order: once the model is held, the private name before it was passed over.
        await using var queue = new ArtifactFetchQueue(reactor, NullLogger.Instance, TimeProvider.System, TimeSpan.FromMilliseconds(50));
        Assert.True(queue.Want(Hash256.Compute(privateBytes)));
        Assert.True(queue.Want(Hash256.Compute(modelBytes)));
        await Eventually.True(() => fetcherStore.Contains(Hash256.Compute(modelBytes)), "the fetcher holds the model artifact");
        Assert.Equal(1, queue.Fetched);
        Assert.False(fetcherStore.Contains(Hash256.Compute(privateBytes)));
        Assert.DoesNotContain(Hash256.Compute(privateBytes), asked);
        Assert.Contains(Hash256.Compute(modelBytes), asked);
    }

    /// <summary>The provenance scenario (public dataset <c>mnist-train</c>) plus a committed private dataset <c>holdout</c>.</summary>
    private static PrivateDatasetGuard PrivateDatasetGuardOverAChain()
    {
        var chain = ProvenanceScenario.Build().Chain;
        chain.Commit(chain.Tx(Actors.Carol, Samples.Dataset("holdout", DatasetVisibility.Private)));
        return new PrivateDatasetGuard(new ChainStoreRegistrySource(chain.Chain.Store));
    }

    private (P2PSwitch Switch, ArtifactStore Store, ArtifactsReactor Reactor) Start(int index, Func<ArtifactStore, IArtifactChunkSource>? source = null, PrivateDatasetGuard? privateDatasets = null)
    {
        var store = new ArtifactStore(_directory.Combine($"node-{index}"), 16 * 1024 * 1024, TimeProvider.System);
        var sw = new P2PSwitch(TestNetwork.Options(), TestNetwork.Identity(index), _network.Crypto, _network.Registry, TimeProvider.System, new Random(index));
        var reactor = new ArtifactsReactor(store, NullLogger.Instance, source?.Invoke(store), TimeSpan.FromSeconds(5), privateDatasets);
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

    /// <summary>Serves from the store and records every hash a peer asked about.</summary>
    private sealed class RecordingSource(IArtifactChunkSource inner, ConcurrentBag<Hash256> asked) : IArtifactChunkSource
    {
        public long? SizeOf(Hash256 hash)
        {
            asked.Add(hash);
            return inner.SizeOf(hash);
        }

        public Task<byte[]?> ReadChunkAsync(Hash256 hash, long offset, int count, CancellationToken cancellationToken) =>
            inner.ReadChunkAsync(hash, offset, count, cancellationToken);
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
