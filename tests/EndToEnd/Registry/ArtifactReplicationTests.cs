using System.Net;
using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using DaiChain.Ledger.Genesis;
using DaiChain.ModelRegistry;
using DaiChain.Node.LocalNet;

namespace DaiChain.EndToEnd.Tests.Registry;

/// <summary>
/// The model registry on a real devnet: an artifact uploaded to one validator over HTTP, its version registered
/// through another with the CLI, ends up held by every node, fetched over the artifacts channel in verified chunks;
/// an operator's erasure then shows in that node's queries. A WebSocket subscriber to the model's registry events
/// on the audit node is told of the registration.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class ArtifactReplicationTests(DevnetFixture fixture) : IClassFixture<DevnetFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private Cluster Cluster => fixture.Cluster;

    [Fact]
    public async Task An_artifact_uploaded_to_one_node_and_registered_through_another_is_held_by_every_node_until_an_operator_erases_it()
    {
        // 2.5 MiB: three chunks of the artifacts channel (1 MiB each).
        var artifact = new byte[(5 << 20) / 2];
        new Random(2026).NextBytes(artifact);
        var hash = "0x" + Convert.ToHexStringLower(SHA256.HashData(artifact));
        var file = Path.Combine(Cluster.Directory, "model.onnx");
        await File.WriteAllBytesAsync(file, artifact);
        var uploader = Cluster["validator-0"];
        var registrar = Cluster["validator-2"];

        using (var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{uploader.RpcPort}/") })
        using (var body = new ByteArrayContent(artifact))
        {
            body.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            using var put = await http.PutAsync($"artifacts/{hash}", body);
            Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        }

        // account-1 holds model_publisher in the devnet genesis; a model's id derives from its creator and name.
        var publisher = Path.Combine(Cluster.Directory, "nodes", "accounts", "account-1.key");
        using var publisherKey = Devnet.AccountKey(1);
        var expectedModel = RegistryIds.Format(RegistryIds.Model(publisherKey.Address, "replicated"));
        using var socket = new ClientWebSocket();
        using var cancel = new CancellationTokenSource(Timeout);
        await socket.ConnectAsync(new Uri($"ws://127.0.0.1:{Cluster.Auditor.RpcPort}/ws"), cancel.Token);
        await socket.SendAsync(Encoding.UTF8.GetBytes(new JsonObject
        {
            ["jsonrpc"] = "2.0",
            ["id"] = 1,
            ["method"] = "subscribe",
            ["params"] = new JsonObject { ["topic"] = "registryEvents", ["model"] = expectedModel },
        }.ToJsonString()), WebSocketMessageType.Text, true, cancel.Token);

        string[] signing = ["--key", publisher, "--password-env", DevnetLayout.PasswordVariable, "--rpc", $"http://127.0.0.1:{registrar.RpcPort}/", "--wait"];
        var registered = await Daichain.RunOkAsync(["model", "register", "--name", "replicated", "--task", "classification", "--licence", "MIT", .. signing], Cluster.Environment);
        var model = Field(registered, "model:");
        var submitted = await Daichain.RunOkAsync(["model", "submit", "--model", model, "--semver", "1.0.0", "--artifact", file, "--no-upload", .. signing], Cluster.Environment);
        Assert.Contains("committed:", submitted, StringComparison.Ordinal);
        var version = Field(submitted, "version:");
        Assert.Equal(expectedModel, model);
        var registeredEvent = await NextEventAsync(socket, "registry.version_registered", cancel.Token);
        Assert.Equal(hash, registeredEvent["attributes"]!["artifact"]!.GetValue<string>());

        foreach (var node in Cluster.Nodes)
        {
            var info = await Eventually.Get(
                async () => await ArtifactInfoAsync(node, hash) is { } i && i["holding"]!["state"]!.GetValue<string>() == "held" ? i : null,
                $"{node.Name} to hold artifact {hash}\n{node.LogTail()}",
                Timeout);
            Assert.Equal(artifact.Length, info["holding"]!["sizeBytes"]!.GetValue<long>());
            Assert.Contains(version, info["versions"]!.AsArray().Select(v => v!.GetValue<string>()));
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{node.RpcPort}/") };
            Assert.Equal(hash, "0x" + Convert.ToHexStringLower(SHA256.HashData(await http.GetByteArrayAsync($"artifacts/{hash}"))));
            if (node != uploader)
            {
                // Only the uploader got it over HTTP; the others fetched it from peers on the artifacts channel.
                Assert.Contains($"Fetched artifact {hash[2..]}", ReadLog(node), StringComparison.Ordinal);
            }
        }

        var eraser = Cluster["validator-3"];
        var erased = await Daichain.RunOkAsync(["artifact", "erase", "--home", eraser.Home, "--hash", hash, "--reason", "data-protection request 7"]);
        Assert.Contains($"({artifact.Length} bytes)", erased, StringComparison.Ordinal);

        var holding = (await ArtifactInfoAsync(eraser, hash))["holding"]!;
        Assert.Equal("erased", holding["state"]!.GetValue<string>());
        Assert.Equal("data-protection request 7", holding["erasureReason"]!.GetValue<string>());
        var report = (JsonObject)(await eraser.Rpc.CallAsync("registry_provenanceReport", new JsonObject { ["version"] = version }))!;
        Assert.Equal("erased", report["localArtifact"]!["state"]!.GetValue<string>());
        using (var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{eraser.RpcPort}/") })
        {
            using var gone = await http.GetAsync($"artifacts/{hash}");
            Assert.Equal(HttpStatusCode.Gone, gone.StatusCode);
        }

        // The chain still names it, and the other nodes still hold it.
        Assert.Equal("held", (await ArtifactInfoAsync(registrar, hash))["holding"]!["state"]!.GetValue<string>());
    }

    /// <summary>Reads the socket until a registryEvents notification of <paramref name="type"/> arrives; returns its result.</summary>
    private static async Task<JsonObject> NextEventAsync(ClientWebSocket socket, string type, CancellationToken cancellationToken)
    {
        var buffer = new byte[1 << 20];
        while (true)
        {
            var length = 0;
            ValueWebSocketReceiveResult received;
            do
            {
                received = await socket.ReceiveAsync(buffer.AsMemory(length), cancellationToken);
                length += received.Count;
            }
            while (!received.EndOfMessage);

            if (JsonNode.Parse(Encoding.UTF8.GetString(buffer, 0, length)) is JsonObject { } message
                && message["params"] is JsonObject { } notification
                && notification["topic"]?.GetValue<string>() == "registryEvents"
                && notification["result"] is JsonObject { } result
                && result["type"]?.GetValue<string>() == type)
            {
                return result;
            }
        }
    }

    private static async Task<JsonObject> ArtifactInfoAsync(ClusterNode node, string hash) =>
        (JsonObject)(await node.Rpc.CallAsync("artifact_info", new JsonObject { ["hash"] = hash }))!;

    /// <summary>The value after <paramref name="label"/> on the CLI's output line that starts with it.</summary>
    private static string Field(string output, string label) =>
        output.Split('\n').Single(l => l.StartsWith(label, StringComparison.Ordinal))[label.Length..].Trim().Split(' ')[0];

    private static string ReadLog(ClusterNode node)
    {
        using var stream = new FileStream(node.LogFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
