using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DaiChain.Ledger.Primitives;
using DaiChain.Ledger.Transactions;
using DaiChain.ModelRegistry.Artifacts;
using DaiChain.ModelRegistry.State;
using DaiChain.Node.Cli;
using DaiChain.Node.Keys;
using DaiChain.Node.Registry;
using DaiChain.Node.Rpc;
using DaiChain.Node.Rpc.Schema;
using DaiChain.Node.Tests.Rpc;
using DaiChain.RegistryTestKit;
using DaiChain.TestKit;
using Microsoft.Extensions.Logging.Abstractions;

namespace DaiChain.Node.Tests.Cli;

/// <summary>
/// <c>daichain model | dataset | contribution | receipts</c> in process against a real Kestrel node stand-in: the
/// registry's RPC methods and artifact routes over a registry chain, and <c>node_status</c>, <c>account_get</c> and
/// <c>tx_submit</c> as docs/spec/rpc.md describes them, each submitted transaction committed in its own block.
/// </summary>
public sealed partial class RegistryCommandsTests : IAsyncLifetime, IDisposable
{
    private const string PasswordVariable = "DAICHAIN_TEST_PASSWORD";
    private readonly TemporaryDirectory _directory = new();
    private readonly RegistryChain _chain = new();
    private ArtifactStore _artifacts = null!;
    private RpcTestServer _rpc = null!;

    public async Task InitializeAsync()
    {
        _artifacts = new ArtifactStore(_directory.Combine("artifacts"), 16 * 1024 * 1024, TimeProvider.System);
        var methods = new RpcMethodRegistry();
        RegistryRpcMethods.Register(methods, new ChainStoreRegistrySource(_chain.Chain.Store), _artifacts);
        AddNodeMethods(methods);
        _rpc = await RpcTestServer.StartAsync(methods: methods, routes: ArtifactRoutes.Create(_artifacts, readOnly: false, NullLogger.Instance));
        var keys = new KeyStore(KeyFile.MinIterations);
        foreach (var (name, key) in new[] { ("alice", Actors.Alice), ("carol", Actors.Carol), ("provider", Actors.Provider), ("consumer", Actors.Consumer) })
        {
            keys.Save(_directory.Combine(name + ".key"), key, "secret");
        }
    }

    public async Task DisposeAsync() => await _rpc.DisposeAsync();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void The_walkthrough_registers_a_model_two_versions_contributions_and_receipts_and_verifies_the_report()
    {
        var data = Write("mnist-train.csv", "label,pixels\n7,0 0 0\n");
        var dataset = Id(Ok("dataset", "register", "--key", Key("carol"), "--file", data, "--name", "mnist-train", "--licence", "CC-BY-4.0", "--upload", "--wait"), "dataset");
        var model = Id(Ok("model", "register", "--key", Key("alice"), "--name", "resnet-mini", "--task", "image-classification", "--licence", "Apache-2.0", "--description", "a small classifier", "--wait"), "model");
        var contribution = Id(Ok("contribution", "record", "--key", Key("carol"), "--model", model, "--samples", "60000", "--dataset-commitment", dataset, "--wait"), "contribution");

        var v1 = Id(Ok("model", "submit", "--key", Key("alice"), "--model", model, "--semver", "1.0.0", "--artifact", Write("v1.onnx", "onnx bytes of v1"), "--card", Write("card.md", "# resnet-mini 1.0.0\n"), "--wait"), "version");
        var v2 = Id(Ok("model", "submit", "--key", Key("alice"), "--model", model, "--semver", "1.1.0", "--artifact", Write("v2.onnx", "onnx bytes of v2"), "--parents", v1, "--datasets", dataset, "--contributions", contribution, "--wait"), "version");
        Assert.Equal(ArtifactState.Held, _artifacts.GetInfo(Hash256.Parse(Sha256("onnx bytes of v2"))).State);

        var lines = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var signed = Ok("receipts", "sign", "--key", Key("consumer"), "--version", v2, "--provider", Actors.Provider.Address.ToString(), "--request-hash", Sha256($"request {i}"), "--response-hash", Sha256($"response {i}"), "--time-ms", $"{1_767_225_600_000 + i}");
            lines.Add(signed.Trim());
        }

        var receipts = Write("receipts.jsonl", string.Join('\n', lines) + "\n");
        var batch = Id(Ok("receipts", "submit", "--key", Key("provider"), "--version", v2, "--receipts", receipts, "--wait"), "batch");
        var record = RegistryState.GetBatch(_chain.Chain.Head.State, Hash256.Parse(batch))!;
        Assert.Equal(3UL, record.ReceiptCount);
        Assert.Equal(ArtifactState.Held, _artifacts.GetInfo(record.ReceiptsArtifact).State);

        var shown = Ok("model", "show", "--model", model);
        Assert.Contains("resnet-mini", shown, StringComparison.Ordinal);
        Assert.Contains("1.1.0", shown, StringComparison.Ordinal);
        var version = Ok("model", "show", "--version", v2);
        Assert.Contains("3 receipts in 1 batches", version, StringComparison.Ordinal);
        Assert.Contains("unevaluated", version, StringComparison.Ordinal);
        var lineage = Ok("model", "lineage", "--version", v2);
        Assert.Contains(v1, lineage, StringComparison.Ordinal);
        Assert.Contains("2 versions, 1 edges", lineage, StringComparison.Ordinal);

        var reportPath = _directory.Combine("report.json");
        var report = Ok("model", "report", "--version", v2, "--out", reportPath, "--verify");
        Assert.Contains("verified:", report, StringComparison.Ordinal);
        var document = JsonNode.Parse(File.ReadAllText(reportPath))!;
        Assert.Equal("daichain-provenance/v1", document["format"]!.GetValue<string>());
        Assert.Equal("held", document["localArtifact"]!["state"]!.GetValue<string>());
    }

    [Fact]
    public void Rejections_print_the_chains_code_and_exit_with_failure()
    {
        var model = Id(Ok("model", "register", "--key", Key("alice"), "--name", "m", "--task", "t", "--licence", "MIT", "--wait"), "model");
        var missingParent = Run("model", "submit", "--key", Key("alice"), "--model", model, "--semver", "2.0.0", "--artifact", Write("a.onnx", "a"), "--parents", Sha256("nothing"), "--wait");
        Assert.Equal(ExitCodes.Failure, missingParent.ExitCode);
        Assert.Contains("unknown_parent", missingParent.Out, StringComparison.Ordinal);

        var noRole = Run("model", "register", "--key", Key("carol"), "--name", "x", "--task", "t", "--licence", "MIT", "--wait");
        Assert.Equal(ExitCodes.Failure, noRole.ExitCode);
        Assert.Contains("missing_role", noRole.Out, StringComparison.Ordinal);

        var badSemver = Run("model", "submit", "--key", Key("alice"), "--model", model, "--semver", "2.0", "--artifact", Write("b.onnx", "b"));
        Assert.Equal(ExitCodes.Usage, badSemver.ExitCode);

        var artifactsBefore = Directory.GetFiles(_directory.Combine("artifacts"), "*", SearchOption.AllDirectories).Length;
        var unknownModel = Run("model", "submit", "--key", Key("alice"), "--model", Sha256("no model"), "--semver", "1.0.0", "--artifact", Write("c.onnx", "c"), "--wait");
        Assert.Equal(ExitCodes.Failure, unknownModel.ExitCode);
        Assert.Contains("register it first", unknownModel.Error, StringComparison.Ordinal);
        Ok("model", "submit", "--key", Key("alice"), "--model", model, "--semver", "1.0.0", "--artifact", Write("d.onnx", "d"), "--wait");
        var again = Run("model", "submit", "--key", Key("alice"), "--model", model, "--semver", "1.0.0+build.2", "--artifact", Write("e.onnx", "e"), "--wait");
        Assert.Equal(ExitCodes.Failure, again.ExitCode);
        Assert.Contains("is already registered", again.Error, StringComparison.Ordinal);
        Assert.Equal(artifactsBefore + 1, Directory.GetFiles(_directory.Combine("artifacts"), "*", SearchOption.AllDirectories).Length);

        var unknown = Run("model", "show", "--version", Sha256("nope"));
        Assert.Equal(ExitCodes.Failure, unknown.ExitCode);
        Assert.Contains("not_found", unknown.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tampered_receipts_file_is_refused_before_anything_is_submitted()
    {
        var model = Id(Ok("model", "register", "--key", Key("alice"), "--name", "m", "--task", "t", "--licence", "MIT", "--wait"), "model");
        var v1 = Id(Ok("model", "submit", "--key", Key("alice"), "--model", model, "--semver", "1.0.0", "--artifact", Write("a.onnx", "a"), "--wait"), "version");
        var signed = Ok("receipts", "sign", "--key", Key("consumer"), "--version", v1, "--provider", Actors.Provider.Address.ToString(), "--request-hash", Sha256("q"), "--response-hash", Sha256("a"), "--time-ms", "5").Trim();
        var tampered = signed.Replace("\"timeMs\":5", "\"timeMs\":6", StringComparison.Ordinal);
        var height = _chain.Height;
        var result = Run("receipts", "submit", "--key", Key("provider"), "--version", v1, "--receipts", Write("r.jsonl", tampered), "--wait");
        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.Contains("does not recover consumer", result.Error, StringComparison.Ordinal);
        Assert.Equal(height, _chain.Height);
    }

    private static string Sha256(string text) => "0x" + Hash256.Compute(System.Text.Encoding.UTF8.GetBytes(text));

    private static string Id(string output, string label)
    {
        var match = Regex.Match(output, $@"^{label}:\s+(0x[0-9a-f]{{64}})", RegexOptions.Multiline | RegexOptions.CultureInvariant);
        Assert.True(match.Success, $"no '{label}:' line in:\n{output}");
        return match.Groups[1].Value;
    }

    private string Key(string name) => _directory.Combine(name + ".key");

    private string Write(string name, string text)
    {
        var path = _directory.Combine(name);
        File.WriteAllText(path, text);
        return path;
    }

    private string Ok(params string[] args)
    {
        var result = Run(args);
        Assert.True(result.ExitCode == ExitCodes.Success, $"{string.Join(' ', args)} exited {result.ExitCode}:\n{result.Out}\n{result.Error}");
        return result.Out;
    }

    private RunResult Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var console = new CliConsole(output, error, name => name == PasswordVariable ? "secret" : null, terminal: null);
        var full = args.Concat(["--rpc", _rpc.Server.HttpUrl.ToString()]);
        if (args.Contains("--key"))
        {
            full = full.Concat(["--password-env", PasswordVariable]);
        }

        var code = new CommandRouter(Program.BuildCommands(new KeyStore(KeyFile.MinIterations)), console).Run([.. full]);
        return new RunResult(code, output.ToString(), error.ToString());
    }

    private void AddNodeMethods(RpcMethodRegistry methods)
    {
        methods.Add(RpcMethod.Read("node_status", "Test stand-in: the chain id.")
            .HandleJson((_, _) => ValueTask.FromResult<JsonNode?>(new JsonObject { ["chainId"] = _chain.ChainId, ["height"] = _chain.Height })));
        methods.Add(RpcMethod.Read("account_get", "Test stand-in: the next nonce.")
            .Param("address", RpcSchema.Address(), "The account.")
            .HandleJson((p, _) => ValueTask.FromResult<JsonNode?>(new JsonObject { ["nonce"] = _chain.AccountOf(Address.Parse(p.GetProperty("address").GetString()!)).Nonce })));
        methods.Add(RpcMethod.Write("tx_submit", "Test stand-in: commits the transaction in its own block.")
            .Param("tx", RpcSchema.HexData(Ledger.Chain.ChainLimits.MaxTransactionBytes), "The signed transaction.")
            .OptionalParam("wait", RpcSchema.Boolean(), "Wait for the commit.")
            .HandleJson((p, _) =>
            {
                lock (_chain)
                {
                    var tx = SignedTransaction.FromBytes(Hex.Decode(p.GetProperty("tx").GetString()!));
                    var block = _chain.Chain.CommitNext(tx);
                    var receipt = _chain.Chain.Store.GetReceipts(block.Height)!.Single();
                    return ValueTask.FromResult<JsonNode?>(new JsonObject
                    {
                        ["hash"] = "0x" + tx.Hash,
                        ["status"] = "committed",
                        ["height"] = block.Height,
                        ["index"] = 0,
                        ["success"] = receipt.Success,
                        ["code"] = receipt.Code,
                        ["message"] = receipt.Message,
                    });
                }
            }));
    }

    private sealed record RunResult(int ExitCode, string Out, string Error);
}
