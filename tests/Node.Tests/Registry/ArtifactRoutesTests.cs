using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using DaiChain.Ledger.Primitives;
using DaiChain.ModelRegistry.Artifacts;
using DaiChain.ModelRegistry.Records;
using DaiChain.Node.Registry;
using DaiChain.Node.Rpc;
using DaiChain.Node.Tests.Rpc;
using DaiChain.RegistryTestKit;
using DaiChain.TestKit;
using Microsoft.Extensions.Logging.Abstractions;

namespace DaiChain.Node.Tests.Registry;

/// <summary>Artifact upload and download over HTTP on a real Kestrel, with the hash checked before a file becomes visible.</summary>
public sealed class ArtifactRoutesTests : IDisposable
{
    private const long MaxBytes = 4 * 1024 * 1024;
    private readonly TemporaryDirectory _directory = new();
    private readonly ArtifactStore _store;

    public ArtifactRoutesTests()
    {
        _store = new ArtifactStore(_directory.Path, MaxBytes, TimeProvider.System);
    }

    public void Dispose() => _directory.Dispose();

    private Task<RpcTestServer> StartAsync(bool readOnly = false) => RpcTestServer.StartAsync(
        configure: o => new RpcServerOptions { Port = 0, ReadOnly = readOnly, MaxBodyBytes = 64 * 1024 },
        methods: new RpcMethodRegistry(),
        routes: ArtifactRoutes.Create(_store, readOnly, NullLogger.Instance));

    private static ByteArrayContent Body(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return content;
    }

    [Fact]
    public async Task An_upload_larger_than_the_RPC_body_limit_is_stored_and_downloaded_byte_for_byte()
    {
        await using var rpc = await StartAsync();
        var bytes = new Random(3).NextBytes(3 * 1024 * 1024);
        var hash = Hash256.Compute(bytes);

        using var put = await rpc.Http.PutAsync($"/artifacts/0x{hash}", Body(bytes));
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        var stored = JsonDocument.Parse(await put.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("0x" + hash, stored.GetProperty("hash").GetString());
        Assert.Equal(bytes.Length, stored.GetProperty("sizeBytes").GetInt32());

        using var again = await rpc.Http.PutAsync($"/artifacts/{hash}", Body(bytes));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);

        using var get = await rpc.Http.GetAsync($"/artifacts/{hash}");
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal(bytes, await get.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Bytes_that_do_not_hash_to_the_path_are_refused_and_never_visible()
    {
        await using var rpc = await StartAsync();
        var bytes = "the model"u8.ToArray();
        var claimed = Hash256.Compute("another model"u8);
        using var put = await rpc.Http.PutAsync($"/artifacts/{claimed}", Body(bytes));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, put.StatusCode);
        Assert.Equal("hash_mismatch", JsonDocument.Parse(await put.Content.ReadAsStringAsync()).RootElement.GetProperty("reason").GetString());
        Assert.Equal(ArtifactState.NotHeld, _store.GetInfo(claimed).State);
        Assert.Equal(ArtifactState.NotHeld, _store.GetInfo(Hash256.Compute(bytes)).State);

        using var get = await rpc.Http.GetAsync($"/artifacts/{claimed}");
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
    }

    [Fact]
    public async Task Oversize_uploads_bad_paths_and_read_only_nodes_are_refused()
    {
        await using (var rpc = await StartAsync())
        {
            // The node answers from Content-Length without reading the body; a client that says Expect: 100-continue never sends it.
            var big = new byte[MaxBytes + 1];
            using var request = new HttpRequestMessage(HttpMethod.Put, $"/artifacts/{Hash256.Compute(big)}") { Content = Body(big) };
            request.Headers.ExpectContinue = true;
            using var tooLarge = await rpc.Http.SendAsync(request);
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
            Assert.Equal(ArtifactState.NotHeld, _store.GetInfo(Hash256.Compute(big)).State);

            using var badPath = await rpc.Http.PutAsync("/artifacts/not-a-hash", Body([1, 2, 3]));
            Assert.Equal(HttpStatusCode.BadRequest, badPath.StatusCode);
        }

        await using var audit = await StartAsync(readOnly: true);
        var bytes = "x"u8.ToArray();
        using var refused = await audit.Http.PutAsync($"/artifacts/{Hash256.Compute(bytes)}", Body(bytes));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task An_erased_artifact_answers_gone_with_the_reason()
    {
        await using var rpc = await StartAsync();
        var bytes = "personal data"u8.ToArray();
        var hash = Hash256.Compute(bytes);
        await _store.PutAsync(hash, bytes);
        _store.Erase(hash, "erasure request 42");
        using var get = await rpc.Http.GetAsync($"/artifacts/{hash}");
        Assert.Equal(HttpStatusCode.Gone, get.StatusCode);
        Assert.Equal("erasure request 42", JsonDocument.Parse(await get.Content.ReadAsStringAsync()).RootElement.GetProperty("erasureReason").GetString());

        using var put = await rpc.Http.PutAsync($"/artifacts/{hash}", Body(bytes));
        Assert.Equal(HttpStatusCode.Gone, put.StatusCode);
        Assert.Equal("erased", JsonDocument.Parse(await put.Content.ReadAsStringAsync()).RootElement.GetProperty("reason").GetString());
        Assert.Equal(ArtifactState.Erased, _store.GetInfo(hash).State);
    }

    [Fact]
    public async Task An_upload_past_the_store_quota_answers_insufficient_storage_and_keeps_nothing()
    {
        using var directory = new TemporaryDirectory();
        var store = new ArtifactStore(directory.Path, MaxBytes, TimeProvider.System, maxTotalBytes: MaxBytes + 1000);
        await using var rpc = await RpcTestServer.StartAsync(
            configure: o => new RpcServerOptions { Port = 0, MaxBodyBytes = 64 * 1024 },
            methods: new RpcMethodRegistry(),
            routes: ArtifactRoutes.Create(store, readOnly: false, NullLogger.Instance));
        var first = new Random(11).NextBytes((int)MaxBytes - 1000);
        var second = new Random(12).NextBytes(3000);
        using var stored = await rpc.Http.PutAsync($"/artifacts/{Hash256.Compute(first)}", Body(first));
        Assert.Equal(HttpStatusCode.Created, stored.StatusCode);

        using var refused = await rpc.Http.PutAsync($"/artifacts/{Hash256.Compute(second)}", Body(second));

        Assert.Equal(HttpStatusCode.InsufficientStorage, refused.StatusCode);
        var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("quota_exceeded", problem.GetProperty("reason").GetString());
        Assert.Contains("max_artifact_store_bytes", problem.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.False(store.Contains(Hash256.Compute(second)));
    }

    [Fact]
    public async Task A_private_datasets_hash_is_refused_on_upload_and_download_while_public_data_and_models_are_served()
    {
        var scenario = ProvenanceScenario.Build();
        var chain = scenario.Chain;
        var privateBytes = "dataset:holdout"u8.ToArray();
        var privateHash = Hash256.Compute(privateBytes);
        var lateBytes = "dataset:registered-after-upload"u8.ToArray();
        var lateHash = Hash256.Compute(lateBytes);
        chain.Commit(chain.Tx(Actors.Carol, Samples.Dataset("holdout", DatasetVisibility.Private)));
        await using var rpc = await RpcTestServer.StartAsync(
            configure: o => new RpcServerOptions { Port = 0, MaxBodyBytes = 64 * 1024 },
            methods: new RpcMethodRegistry(),
            routes: ArtifactRoutes.Create(_store, readOnly: false, NullLogger.Instance, new PrivateDatasetGuard(new ChainStoreRegistrySource(chain.Chain.Store))));

        using var put = await rpc.Http.PutAsync($"/artifacts/0x{privateHash}", Body(privateBytes));
        Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);
        var refusal = JsonDocument.Parse(await put.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("private_dataset", refusal.GetProperty("reason").GetString());
        Assert.Contains($"0x{privateHash} is registered as a private dataset", refusal.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.False(_store.Contains(privateHash));

        // Bytes put on the node's disk some other way are still never served.
        await _store.PutAsync(privateHash, privateBytes);
        using var get = await rpc.Http.GetAsync($"/artifacts/{privateHash}");
        Assert.Equal(HttpStatusCode.Forbidden, get.StatusCode);
        Assert.Equal("private_dataset", JsonDocument.Parse(await get.Content.ReadAsStringAsync()).RootElement.GetProperty("reason").GetString());

        // Checked against the head at request time: bytes uploaded before their private registration commits stop being served.
        using (var early = await rpc.Http.PutAsync($"/artifacts/{lateHash}", Body(lateBytes)))
        {
            Assert.Equal(HttpStatusCode.Created, early.StatusCode);
        }

        chain.Commit(chain.Tx(Actors.Carol, Samples.Dataset("registered-after-upload", DatasetVisibility.Private)));
        using var late = await rpc.Http.GetAsync($"/artifacts/{lateHash}");
        Assert.Equal(HttpStatusCode.Forbidden, late.StatusCode);

        // The scenario's public dataset and a model artifact go both ways.
        var publicBytes = "dataset:mnist-train"u8.ToArray();
        Assert.Equal(scenario.Dataset, Hash256.Compute(publicBytes));
        var modelBytes = new Random(5).NextBytes(10_000);
        foreach (var bytes in new[] { publicBytes, modelBytes })
        {
            var hash = Hash256.Compute(bytes);
            using var stored = await rpc.Http.PutAsync($"/artifacts/{hash}", Body(bytes));
            Assert.Equal(HttpStatusCode.Created, stored.StatusCode);
            using var served = await rpc.Http.GetAsync($"/artifacts/{hash}");
            Assert.Equal(HttpStatusCode.OK, served.StatusCode);
            Assert.Equal(bytes, await served.Content.ReadAsByteArrayAsync());
        }
    }
}
