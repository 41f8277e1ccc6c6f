using DaiChain.Ledger.Primitives;
using DaiChain.ModelRegistry.Artifacts;
using DaiChain.Node.Cli;
using DaiChain.Node.Configuration;
using DaiChain.Node.Keys;
using DaiChain.TestKit;

namespace DaiChain.Node.Tests.Cli;

/// <summary><c>daichain artifact erase</c> on a node home's artifact store, as the operator runs it beside the node.</summary>
public sealed class ArtifactEraseCommandTests : IDisposable
{
    private readonly TemporaryDirectory _home = new();

    public void Dispose() => _home.Dispose();

    [Fact]
    public async Task Erase_removes_the_bytes_records_why_and_undo_lets_the_node_store_it_again()
    {
        var config = new NodeConfig();
        config.Storage.ArtifactsDir = "my-artifacts";
        NodeConfigFile.Save(_home.Combine("config.json"), config);
        var node = new ArtifactStore(Path.Combine(_home.Path, "data", "my-artifacts"), 1 << 20, TimeProvider.System);
        var bytes = "a model trained on personal data"u8.ToArray();
        var hash = Hash256.Compute(bytes);
        await node.PutAsync(hash, bytes);
        var upload = Path.Combine(_home.Path, "data", "my-artifacts", "tmp", "upload-in-progress.part");
        await File.WriteAllTextAsync(upload, "partial");

        var erased = Run("artifact", "erase", "--home", _home.Path, "--hash", "0x" + hash, "--reason", "erasure request 12");

        Assert.Equal(ExitCodes.Success, erased.ExitCode);
        Assert.Contains($"({bytes.Length} bytes)", erased.Out, StringComparison.Ordinal);
        var info = node.GetInfo(hash);
        Assert.Equal(ArtifactState.Erased, info.State);
        Assert.Equal("erasure request 12", info.ErasureReason);
        Assert.True(File.Exists(upload), "the running node's upload in progress was removed");
        await Assert.ThrowsAsync<ArtifactStoreException>(() => node.PutAsync(hash, bytes));

        Assert.Equal(ExitCodes.Usage, Run("artifact", "erase", "--home", _home.Path, "--hash", "0x" + hash).ExitCode);
        Assert.Equal(ExitCodes.Success, Run("artifact", "erase", "--home", _home.Path, "--hash", "0x" + hash, "--undo").ExitCode);
        await node.PutAsync(hash, bytes);
        Assert.Equal(ArtifactState.Held, node.GetInfo(hash).State);
    }

    [Fact]
    public void Erase_names_a_home_without_a_config()
    {
        var result = Run("artifact", "erase", "--home", _home.Combine("nowhere"), "--hash", "0x" + Hash256.Compute("x"u8), "--reason", "r");

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.Contains("config.json", result.Error, StringComparison.Ordinal);
    }

    private static (int ExitCode, string Out, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var console = new CliConsole(output, error, _ => null, terminal: null);
        var code = new CommandRouter(Program.BuildCommands(new KeyStore(KeyFile.MinIterations)), console).Run(args);
        return (code, output.ToString(), error.ToString());
    }
}
