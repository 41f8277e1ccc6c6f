using System.Text.Json;
using DaiChain.Ledger.Primitives;
using DaiChain.ModelRegistry;
using DaiChain.ModelRegistry.Artifacts;
using DaiChain.ModelRegistry.Queries;
using DaiChain.Node.Registry;
using DaiChain.Node.Rpc;
using DaiChain.Node.Tests.Rpc;
using DaiChain.RegistryTestKit;
using DaiChain.TestKit;

namespace DaiChain.Node.Tests.Registry;

/// <summary>The registry's JSON-RPC methods on a real Kestrel on 127.0.0.1, over a ChainStore holding blocks committed in the test.</summary>
public sealed class RegistryRpcTests : IAsyncLifetime, IDisposable
{
    private readonly TemporaryDirectory _directory = new();
    private ProvenanceScenario _scenario = null!;
    private ArtifactStore _artifacts = null!;
    private RpcTestServer _rpc = null!;

    private static string Id(Hash256 id) => RegistryIds.Format(id);

    public async Task InitializeAsync()
    {
        _scenario = ProvenanceScenario.Build();
        _artifacts = new ArtifactStore(_directory.Path, 64 * 1024 * 1024, TimeProvider.System);
        var methods = new RpcMethodRegistry();
        RegistryRpcMethods.Register(methods, new ChainStoreRegistrySource(_scenario.Chain.Chain.Store), _artifacts);
        _rpc = await RpcTestServer.StartAsync(methods: methods);
    }

    public async Task DisposeAsync() => await _rpc.DisposeAsync();

    public void Dispose() => _directory.Dispose();

    private async Task<JsonElement> ResultAsync(string method, string paramsJson)
    {
        var reply = await _rpc.CallAsync(method, paramsJson);
        Assert.True(reply.TryGetProperty("result", out var result), reply.ToString());
        return result;
    }

    private async Task<JsonElement> ErrorAsync(string method, string paramsJson)
    {
        var reply = await _rpc.CallAsync(method, paramsJson);
        Assert.True(reply.TryGetProperty("error", out var error), reply.ToString());
        return error;
    }

    [Fact]
    public async Task Models_and_versions_are_served_with_lineage_status_and_pages()
    {
        var model = await ResultAsync("registry_getModel", $$"""{"model":"{{Id(_scenario.Model)}}"}""");
        Assert.Equal("resnet-mini", model.GetProperty("name").GetString());
        Assert.Equal(2, model.GetProperty("versionCount").GetInt32());
        Assert.Equal("1.1.0", model.GetProperty("latestSemver").GetString());
        Assert.Equal("champion", model.GetProperty("aliases")[0].GetProperty("alias").GetString());

        var models = await ResultAsync("registry_listModels", "{}");
        Assert.Equal(1, models.GetProperty("total").GetInt32());
        Assert.Equal(JsonValueKind.Null, models.GetProperty("nextCursor").ValueKind);

        var byId = await ResultAsync("registry_getVersion", $$"""{"version":"{{Id(_scenario.V2)}}"}""");
        var bySemver = await ResultAsync("registry_getVersion", $$"""{"model":"{{Id(_scenario.Model)}}","semver":"1.1.0+any.build","includeCard":false}""");
        var byAlias = await ResultAsync("registry_getVersion", $$"""{"model":"{{Id(_scenario.Model)}}","alias":"champion"}""");
        foreach (var version in new[] { byId, bySemver, byAlias })
        {
            Assert.Equal(Id(_scenario.V2), version.GetProperty("id").GetString());
            Assert.Equal("production", version.GetProperty("stage").GetString());
            Assert.Equal("unevaluated", version.GetProperty("evaluation").GetProperty("status").GetString());
            Assert.Equal(26, version.GetProperty("usage").GetProperty("receipts").GetInt32());
            Assert.False(version.GetProperty("upstream").GetProperty("revokedUpstream").GetBoolean());
        }

        Assert.StartsWith("# 1.1.0", byId.GetProperty("modelCard").GetString());
        Assert.Equal(JsonValueKind.Null, bySemver.GetProperty("modelCard").ValueKind);

        var first = await ResultAsync("registry_listVersions", $$"""{"model":"{{Id(_scenario.Model)}}","limit":1}""");
        Assert.Equal("1.0.0", first.GetProperty("items")[0].GetProperty("semver").GetString());
        var cursor = first.GetProperty("nextCursor").GetString();
        var second = await ResultAsync("registry_listVersions", $$"""{"model":"{{Id(_scenario.Model)}}","limit":1,"cursor":"{{cursor}}"}""");
        Assert.Equal("1.1.0", second.GetProperty("items")[0].GetProperty("semver").GetString());
        Assert.Equal(JsonValueKind.Null, second.GetProperty("nextCursor").ValueKind);
    }

    [Fact]
    public async Task Lineage_contributions_receipts_and_datasets_are_served()
    {
        var lineage = await ResultAsync("registry_lineage", $$"""{"version":"{{Id(_scenario.V1)}}","direction":"descendants","depth":3}""");
        Assert.Equal(2, lineage.GetProperty("nodes").GetArrayLength());
        Assert.Equal(Id(_scenario.V2), lineage.GetProperty("nodes")[1].GetProperty("id").GetString());
        Assert.Equal(Id(_scenario.V1), lineage.GetProperty("edges")[0].GetProperty("parent").GetString());

        var byVersion = await ResultAsync("registry_getContributions", $$"""{"version":"{{Id(_scenario.V2)}}"}""");
        var byModel = await ResultAsync("registry_getContributions", $$"""{"model":"{{Id(_scenario.Model)}}"}""");
        var byContributor = await ResultAsync("registry_getContributions", $$"""{"contributor":"{{Actors.Carol.Address}}"}""");
        Assert.Equal(2, byVersion.GetProperty("total").GetInt32());
        Assert.Equal(2, byModel.GetProperty("total").GetInt32());
        Assert.Equal(60_000, byContributor.GetProperty("items")[0].GetProperty("sampleCount").GetInt32());
        var both = await ErrorAsync("registry_getContributions", $$"""{"version":"{{Id(_scenario.V2)}}","model":"{{Id(_scenario.Model)}}"}""");
        Assert.Equal(RpcErrorCodes.InvalidParams, both.GetProperty("code").GetInt32());

        var receipts = await ResultAsync("registry_getReceipts", $$"""{"version":"{{Id(_scenario.V2)}}"}""");
        Assert.Equal(2, receipts.GetProperty("total").GetInt32());
        Assert.Equal(25, receipts.GetProperty("items")[0].GetProperty("receiptCount").GetInt32());
        Assert.True(receipts.GetProperty("items")[1].GetProperty("receipt").GetProperty("consumerSignatureValid").GetBoolean());

        var dataset = await ResultAsync("registry_getDataset", $$"""{"dataset":"{{Id(_scenario.Dataset)}}"}""");
        Assert.Equal("public", dataset.GetProperty("visibility").GetString());
        var benchmark = await ResultAsync("registry_getBenchmark", """{"name":"mnist-accuracy"}""");
        Assert.Equal("accuracy", benchmark.GetProperty("metric").GetString());
    }

    [Fact]
    public async Task A_receipt_is_proven_against_its_batch_once_the_node_holds_the_receipts_file()
    {
        var notHeld = await ErrorAsync("registry_getReceiptProof", $$"""{"batch":"{{Id(_scenario.Batch)}}","index":3}""");
        Assert.Equal(RegistryRpcErrors.ReceiptsNotHeld, notHeld.GetProperty("code").GetInt32());

        var file = _scenario.Receipts.Encode();
        await _artifacts.PutAsync(Hash256.Compute(file), file);
        var proof = await ResultAsync("registry_getReceiptProof", $$"""{"batch":"{{Id(_scenario.Batch)}}","index":3}""");
        Assert.True(proof.GetProperty("verified").GetBoolean());
        Assert.Equal(25, proof.GetProperty("count").GetInt32());
        Assert.Equal(Id(_scenario.Receipts.Receipts[3].Hash), proof.GetProperty("receipt").GetProperty("hash").GetString());
        Assert.True(proof.GetProperty("receipt").GetProperty("consumerSignatureValid").GetBoolean());

        // The client checks the path itself: it needs nothing from the node but the root the chain recorded.
        var path = proof.GetProperty("path").EnumerateArray().Select(p => Hash256.Parse(p.GetString()!)).ToList();
        Assert.True(Ledger.Chain.MerkleList.Verify(Hash256.Parse(proof.GetProperty("root").GetString()!), _scenario.Receipts.Receipts[3].Hash, 3, 25, path));

        var beyond = await ErrorAsync("registry_getReceiptProof", $$"""{"batch":"{{Id(_scenario.Batch)}}","index":25}""");
        Assert.Equal(RegistryRpcErrors.ReceiptOutOfRange, beyond.GetProperty("code").GetInt32());
        var single = await ResultAsync("registry_getReceiptProof", $$"""{"batch":"{{Id(_scenario.SingleReceipt.Hash)}}","index":0}""");
        Assert.True(single.GetProperty("verified").GetBoolean());
    }

    [Fact]
    public async Task A_batch_naming_a_file_larger_than_its_receipts_can_be_is_refused_without_reading_it()
    {
        // The provider names the model artifact itself as the "receipts file" of a one-receipt batch.
        var model = new Random(13).NextBytes(64 * 1024);
        await _artifacts.PutAsync(Hash256.Compute(model), model);
        var chain = _scenario.Chain;
        var batch = chain.Tx(Actors.Provider, new ModelRegistry.Transactions.RecordInferenceBatchPayload(_scenario.V2, 1, Hash256.Compute("root"u8), Hash256.Compute(model)));
        chain.Commit(batch);

        var error = await ErrorAsync("registry_getReceiptProof", $$"""{"batch":"{{Id(batch.Hash)}}","index":0}""");

        Assert.Equal(RegistryRpcErrors.ReceiptsMismatch, error.GetProperty("code").GetInt32());
        Assert.Contains($"{model.Length} bytes, more than a file of 1 receipts can be ({ModelRegistry.Inference.ReceiptBatch.MaxEncodedBytes(1)})", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_provenance_report_verifies_on_the_client_and_says_whether_the_node_holds_the_artifact()
    {
        var reply = await _rpc.CallAsync("registry_provenanceReport", $$"""{"version":"{{Id(_scenario.V2)}}"}""");
        var report = reply.GetProperty("result").Deserialize(RegistryJson.Default.ProvenanceReportView)!;
        Assert.Empty(ProvenanceVerifier.Verify(report));
        Assert.Equal(_scenario.Chain.Height, report.Height);
        Assert.Equal("not_held", report.LocalArtifact!.State);

        var older = await ResultAsync("registry_provenanceReport", $$"""{"version":"{{Id(_scenario.V2)}}","height":4}""");
        Assert.Equal(4, older.GetProperty("height").GetInt32());
        var future = await ErrorAsync("registry_provenanceReport", $$"""{"version":"{{Id(_scenario.V2)}}","height":99}""");
        Assert.Equal(RegistryRpcErrors.HeightUnavailable, future.GetProperty("code").GetInt32());
        var tooEarly = await ErrorAsync("registry_provenanceReport", $$"""{"version":"{{Id(_scenario.V2)}}","height":3}""");
        Assert.Equal(RegistryRpcErrors.NotFound, tooEarly.GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task Artifact_info_reports_holding_and_the_versions_that_name_it()
    {
        var hash = Samples.Artifact("1.1.0");
        var before = await ResultAsync("artifact_info", $$"""{"hash":"{{Id(hash)}}"}""");
        Assert.Equal("not_held", before.GetProperty("holding").GetProperty("state").GetString());
        Assert.Equal(Id(_scenario.V2), before.GetProperty("versions")[0].GetString());

        var bytes = "a real artifact"u8.ToArray();
        var real = Hash256.Compute(bytes);
        await _artifacts.PutAsync(real, bytes);
        var held = await ResultAsync("artifact_info", $$"""{"hash":"{{Id(real)}}"}""");
        Assert.Equal("held", held.GetProperty("holding").GetProperty("state").GetString());
        Assert.Equal(bytes.Length, held.GetProperty("holding").GetProperty("sizeBytes").GetInt32());
        Assert.Equal(0, held.GetProperty("versionCount").GetInt32());

        _artifacts.Erase(real, "data-protection request 17");
        var erased = await ResultAsync("artifact_info", $$"""{"hash":"{{Id(real)}}"}""");
        Assert.Equal("erased", erased.GetProperty("holding").GetProperty("state").GetString());
        Assert.Equal("data-protection request 17", erased.GetProperty("holding").GetProperty("erasureReason").GetString());
    }

    [Fact]
    public async Task Unknown_records_and_bad_parameters_have_stable_codes()
    {
        var missing = await ErrorAsync("registry_getVersion", $$"""{"version":"{{Id(Hash256.Compute("x"u8))}}"}""");
        Assert.Equal(RegistryRpcErrors.NotFound, missing.GetProperty("code").GetInt32());
        Assert.Equal("not_found", missing.GetProperty("data").GetProperty("reason").GetString());
        Assert.Equal("version", missing.GetProperty("data").GetProperty("kind").GetString());

        var alias = await ErrorAsync("registry_getVersion", $$"""{"model":"{{Id(_scenario.Model)}}","alias":"nobody"}""");
        Assert.Equal("alias", alias.GetProperty("data").GetProperty("kind").GetString());
        var semver = await ErrorAsync("registry_getVersion", $$"""{"model":"{{Id(_scenario.Model)}}","semver":"1.1"}""");
        Assert.Equal(RpcErrorCodes.InvalidParams, semver.GetProperty("code").GetInt32());
        var shape = await ErrorAsync("registry_getModel", """{"model":"resnet"}""");
        Assert.Equal(RpcErrorCodes.InvalidParams, shape.GetProperty("code").GetInt32());
        var cursor = await ErrorAsync("registry_listModels", """{"cursor":"x1"}""");
        Assert.Equal("cursor", cursor.GetProperty("data").GetProperty("param").GetString());
        var limit = await ErrorAsync("registry_listModels", """{"limit":201}""");
        Assert.Equal(RpcErrorCodes.InvalidParams, limit.GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task Registry_methods_appear_in_the_OpenRPC_document_with_their_errors()
    {
        var document = await ResultAsync("rpc.discover", "{}");
        var names = document.GetProperty("methods").EnumerateArray().Select(m => m.GetProperty("name").GetString()).ToList();
        foreach (var name in new[] { "registry_getModel", "registry_listModels", "registry_getVersion", "registry_listVersions", "registry_lineage", "registry_getContributions", "registry_getReceipts", "registry_getReceiptProof", "registry_provenanceReport", "artifact_info" })
        {
            Assert.Contains(name, names);
        }
    }
}
