using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using DaiChain.Ledger.Crypto;
using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Primitives;
using DaiChain.ModelRegistry;
using DaiChain.ModelRegistry.Evaluation;
using DaiChain.ModelRegistry.Records;
using DaiChain.ModelRegistry.Transactions;
using Xunit.Abstractions;

namespace DaiChain.EndToEnd.Tests.Evaluation;

/// <summary>
/// The evaluation gate on a real devnet: four validators evaluate a submitted model themselves before it commits.
/// The genesis is the test's own devnet copy with one account given the registry roles, benchmark curation included
/// (which otherwise only a governance proposal grants).
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class EvaluationGateTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_good_model_is_accepted_a_weak_one_rejected_on_every_node_and_a_malformed_one_commits_nothing()
    {
        using var publisher = PrivateKey.FromSeed("e2e-evaluation-publisher", 0);
        await using var cluster = await Cluster.StartAsync(genesis => Daichain.RunOkAsync([
            "genesis", "add-account", genesis, "--address", publisher.Address.ToString(),
            "--roles", $"{RegistryRoles.BenchmarkCurator},{RegistryRoles.ModelPublisher},{RegistryRoles.DataProvider}"]));
        var uploads = cluster["validator-0"];
        var entry = cluster["validator-1"];

        var model = await File.ReadAllBytesAsync(Fixture("logistic_binary.onnx"));
        var dataset = await File.ReadAllBytesAsync(Fixture("logistic_binary.daibench"));
        var malformed = model[..(model.Length / 2)];
        var datasetHash = Hash256.Compute(dataset);
        await UploadAsync(uploads, dataset);
        await UploadAsync(uploads, model);
        await UploadAsync(uploads, malformed);

        // The model scores 164 of 171 (9,590 bp): above 9,000, below 9,800.
        var nonce = 0UL;
        await SubmitAsync(entry, publisher, nonce++, new RegisterDatasetPayload(datasetHash, "breast-cancer-test", (ulong)dataset.Length, "30 float features, label 0/1", "BSD-3-Clause", DatasetVisibility.Public), wait: true);
        await SubmitAsync(entry, publisher, nonce++, Benchmark("cancer-accuracy", 9_000, datasetHash), wait: false);
        await SubmitAsync(entry, publisher, nonce++, Benchmark("cancer-strict", 9_800, datasetHash), wait: true);
        await SubmitAsync(entry, publisher, nonce++, new RegisterModelPayload("cancer-classifier", "logistic regression", "classification", "MIT", []), wait: true);
        var modelId = RegistryIds.Model(publisher.Address, "cancer-classifier");

        var submitted = System.Diagnostics.Stopwatch.StartNew();
        var good = await SubmitAsync(entry, publisher, nonce++, Version(modelId, "1.0.0", model, "cancer-accuracy"), wait: false);
        var weak = await SubmitAsync(entry, publisher, nonce++, Version(modelId, "1.1.0", model, "cancer-strict"), wait: false);

        var goodVersion = RegistryIds.Format(RegistryIds.Version(modelId, "1.0.0"));
        var weakVersion = RegistryIds.Format(RegistryIds.Version(modelId, "1.1.0"));
        var accepted = await AgreedEvaluationAsync(cluster, goodVersion, "accepted");

        // A figure for benchmarks/README.md, not an assertion: submission to a verdict committed on every node.
        output.WriteLine($"gate latency: submission to accepted verdict on all 5 nodes: {submitted.ElapsedMilliseconds} ms");
        var rejected = await AgreedEvaluationAsync(cluster, weakVersion, "rejected");
        Assert.Equal(9_590, accepted["metricValue"]!.GetValue<long>());
        Assert.Equal("accepted", accepted["verdict"]!.GetValue<string>());
        Assert.Equal(9_590, rejected["metricValue"]!.GetValue<long>());
        Assert.Equal("rejected", rejected["verdict"]!.GetValue<string>());
        Assert.Equal(9_800, rejected["threshold"]!.GetValue<long>());
        Assert.True((await TxAsync(entry, good))["receipt"]!["success"]!.GetValue<bool>());
        Assert.True((await TxAsync(entry, weak))["receipt"]!["success"]!.GetValue<bool>());

        // Every validator evaluated the model itself and signed the result the chain recorded.
        foreach (var validator in cluster.Validators)
        {
            var local = (await EvaluationAsync(validator, goodVersion))["local"]![0]!;
            Assert.Equal("done", local["state"]!.GetValue<string>());
            Assert.Equal(accepted["resultHash"]!.GetValue<string>(), local["resultHash"]!.GetValue<string>());
        }

        // A malformed file: every validator finds it invalid and drops the version; nothing commits.
        var malformedVersion = RegistryIds.Format(RegistryIds.Version(modelId, "1.2.0"));
        var dropped = await SubmitAsync(entry, publisher, nonce++, Version(modelId, "1.2.0", malformed, "cancer-accuracy"), wait: false);
        foreach (var validator in cluster.Validators)
        {
            var local = await Eventually.Get(
                async () =>
                {
                    var view = (JsonObject)(await validator.Rpc.CallAsync("registry_getEvaluation", new JsonObject { ["artifact"] = "0x" + Hash256.Compute(malformed), ["benchmark"] = "cancer-accuracy" }))!;
                    return view["local"]![0]!["state"]!.GetValue<string>() == "done" ? view["local"]![0] : null;
                },
                $"{validator.Name} to evaluate the malformed model\n{cluster.LogTails()}",
                Timeout);
            Assert.Equal("invalid_model", local["status"]!.GetValue<string>());
            Assert.Equal(RegistryErrorCodes.InvalidModel, local["code"]!.GetValue<string>());
        }

        await Eventually.True(
            async () => await UnknownEverywhereAsync(cluster, dropped),
            $"the malformed version's transaction to leave every mempool without committing\n{cluster.LogTails()}",
            Timeout);
        var head = await entry.HeightAsync();
        await cluster.WaitForHeightAsync(cluster.Nodes, head + 3, Timeout);
        foreach (var node in cluster.Nodes)
        {
            var missing = await Assert.ThrowsAsync<Node.RpcClient.JsonRpcCallException>(() => node.Rpc.CallAsync("registry_getVersion", new JsonObject { ["version"] = malformedVersion }));
            Assert.Contains("not_found", missing.Reason, StringComparison.Ordinal);
        }
    }

    /// <summary>Waits until every node (validators and the auditor) reports the same committed evaluation; returns it.</summary>
    private static async Task<JsonObject> AgreedEvaluationAsync(Cluster cluster, string version, string status)
    {
        var seen = new List<string>();
        JsonObject? first = null;
        foreach (var node in cluster.Nodes)
        {
            var view = await Eventually.Get(
                async () =>
                {
                    var v = await EvaluationAsync(node, version);
                    return v["status"]!.GetValue<string>() == status ? v : null;
                },
                $"{node.Name} to record version {version} as {status}\n{cluster.LogTails()}",
                Timeout);
            var committed = (JsonObject)view["committed"]![0]!;
            seen.Add(committed.ToJsonString());
            first ??= committed;
        }

        Assert.True(seen.Distinct().Count() == 1, $"nodes recorded different evaluations: {string.Join(" | ", seen)}");
        return first!;
    }

    private static async Task<JsonObject> EvaluationAsync(ClusterNode node, string version)
    {
        try
        {
            return (JsonObject)(await node.Rpc.CallAsync("registry_getEvaluation", new JsonObject { ["version"] = version }))!;
        }
        catch (Node.RpcClient.JsonRpcCallException e) when (e.Reason == "not_found")
        {
            return new JsonObject { ["status"] = "not_registered" };
        }
    }

    /// <summary>True when no validator holds the transaction, pending or committed.</summary>
    private static async Task<bool> UnknownEverywhereAsync(Cluster cluster, Hash256 transaction)
    {
        foreach (var validator in cluster.Validators)
        {
            try
            {
                await validator.Rpc.CallAsync("tx_get", new JsonObject { ["hash"] = "0x" + transaction });
                return false;
            }
            catch (Node.RpcClient.JsonRpcCallException e) when (e.Message.Contains("mempool", StringComparison.Ordinal))
            {
                return false;
            }
            catch (Node.RpcClient.JsonRpcCallException e) when (e.Reason == "not_found")
            {
            }
        }

        return true;
    }

    private static async Task<JsonObject> TxAsync(ClusterNode node, Hash256 transaction) =>
        (JsonObject)(await node.Rpc.CallAsync("tx_get", new JsonObject { ["hash"] = "0x" + transaction }))!;

    private static RegisterBenchmarkPayload Benchmark(string name, long threshold, Hash256 dataset) =>
        new(name, "accuracy on the breast cancer test split", new BenchmarkSpec
        {
            ScoredOutput = "output_probability",
            Task = BenchmarkTask.Classification,
            Metric = BenchmarkMetric.Accuracy,
            Threshold = threshold,
            DatasetHash = dataset,
        });

    private static RegisterModelVersionPayload Version(Hash256 model, string semver, byte[] artifact, string benchmark) => new()
    {
        ModelId = model,
        Semver = semver,
        ArtifactHash = Hash256.Compute(artifact),
        ArtifactSize = (ulong)artifact.Length,
        Benchmarks = [benchmark],
    };

    private static async Task<Hash256> SubmitAsync<TPayload>(ClusterNode node, PrivateKey key, ulong nonce, TPayload payload, bool wait)
        where TPayload : ICanonicalEncodable<TPayload>
    {
        var signed = RegistryTransactions.Create(Transfers.ChainId, nonce, payload).Sign(new InMemorySigner(key));
        var result = (JsonObject)(await node.Rpc.CallAsync("tx_submit", Transfers.SubmitParams(signed, wait)))!;
        if (wait)
        {
            Assert.True(result["success"]?.GetValue<bool>() == true, $"{typeof(TPayload).Name} failed: {result.ToJsonString()}");
        }

        return signed.Hash;
    }

    private static async Task UploadAsync(ClusterNode node, byte[] bytes)
    {
        using var http = new HttpClient();
        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var response = await http.PutAsync(new Uri($"http://127.0.0.1:{node.RpcPort}/artifacts/{Hash256.Compute(bytes)}"), content);
        Assert.True(response.IsSuccessStatusCode, $"upload failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private static string Fixture(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "tests", "ModelRegistry.Tests", "Evaluation", "Fixtures", name);
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new FileNotFoundException("fixture not found above the test assembly", name);
    }
}
