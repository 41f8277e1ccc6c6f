using DaiChain.Node.LocalNet;
using DaiChain.TestKit;

namespace DaiChain.EndToEnd.Tests;

/// <summary>
/// A local devnet of real <c>daichain run</c> processes: the public-seed genesis (<c>genesis new --devnet</c>:
/// 4 validators and 1 audit observer), homes from <c>devnet --prepare-only</c> on free loopback ports, short
/// consensus timeouts, each node started, killed and restarted individually.
/// </summary>
public sealed class Cluster : IAsyncDisposable
{
    /// <summary>Propose, prevote, precommit timeouts and the commit pause: short, so blocks come every ~50-100 ms.</summary>
    public const string FastTimeouts = "800,200,200,50";

    public static readonly IReadOnlyDictionary<string, string> Environment = new Dictionary<string, string>
    {
        [DevnetLayout.PasswordVariable] = DevnetLayout.Password,
    };

    private static readonly string[] Names = ["validator-0", "validator-1", "validator-2", "validator-3", "auditor-0"];

    private readonly TemporaryDirectory _directory;

    private Cluster(TemporaryDirectory directory, IReadOnlyList<ClusterNode> nodes, string genesis)
    {
        _directory = directory;
        Nodes = nodes;
        GenesisFile = genesis;
    }

    public IReadOnlyList<ClusterNode> Nodes { get; }

    public IEnumerable<ClusterNode> Validators => Nodes.Where(n => n.Name.StartsWith("validator", StringComparison.Ordinal));

    public ClusterNode Auditor => Nodes[^1];

    public string GenesisFile { get; }

    public string Directory => _directory.Path;

    public ClusterNode this[string name] => Nodes.Single(n => n.Name == name);

    /// <summary>Lays out the devnet and starts every node.</summary>
    /// <param name="editGenesis">Changes the test's own copy of the devnet genesis before the homes are laid out (for example <c>genesis add-account</c>).</param>
    public static async Task<Cluster> StartAsync(Func<string, Task>? editGenesis = null)
    {
        var directory = new TemporaryDirectory();
        var genesis = directory.Combine("genesis.json");
        await Daichain.RunOkAsync(["genesis", "new", "--devnet", "--out", genesis]);
        if (editGenesis is not null)
        {
            await editGenesis(genesis);
        }

        var rpc = FreePorts.Run(Names.Length);
        var p2p = FreePorts.Run(Names.Length);
        await Daichain.RunOkAsync([
            "devnet", "--dir", directory.Combine("nodes"), "--genesis", genesis, "--rpc-port", $"{rpc}", "--p2p-port", $"{p2p}",
            "--timeouts-ms", FastTimeouts, "--prepare-only"]);
        var nodes = Names.Select((name, i) => new ClusterNode(name, Path.Combine(directory.Combine("nodes"), name), rpc + i, p2p + i)).ToList();
        var cluster = new Cluster(directory, nodes, genesis);
        foreach (var node in nodes)
        {
            Start(node);
        }

        foreach (var node in nodes)
        {
            await WaitUntilServingAsync(node);
        }

        return cluster;
    }

    /// <summary>Starts (or restarts) <paramref name="node"/>'s process.</summary>
    public static void Start(ClusterNode node)
    {
        node.Process?.Dispose();
        node.Process = NodeProcess.Start([.. Daichain.Command, "run", "--home", node.Home], node.LogFile, Environment);
    }

    /// <summary>SIGKILL: the node dies mid-whatever, as in a crash.</summary>
    public static async Task KillAsync(ClusterNode node)
    {
        node.Process!.Kill();
        Assert.True(await node.Process.WaitForExitAsync(TimeSpan.FromSeconds(10)), $"{node.Name} did not die");
    }

    /// <summary>Waits until <paramref name="node"/> answers node_status.</summary>
    public static async Task WaitUntilServingAsync(ClusterNode node) =>
        await Eventually.Get(async () => await node.StatusAsync(), $"{node.Name}'s RPC to answer\n{node.LogTail()}", TimeSpan.FromSeconds(60));

    /// <summary>Waits until every node in <paramref name="nodes"/> reports at least <paramref name="height"/>.</summary>
    public async Task WaitForHeightAsync(IEnumerable<ClusterNode> nodes, ulong height, TimeSpan timeout)
    {
        foreach (var node in nodes)
        {
            await Eventually.True(async () => await node.HeightAsync() >= height, $"{node.Name} to reach height {height}\n{LogTails()}", timeout);
        }
    }

    public string LogTails() => string.Join('\n', Nodes.Select(n => n.LogTail(15)));

    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(Nodes.Where(n => n.Process is not null).Select(n => n.Process!.StopAsync(TimeSpan.FromSeconds(15))));
        foreach (var node in Nodes)
        {
            node.Dispose();
        }

        if (System.Environment.GetEnvironmentVariable("DAICHAIN_E2E_KEEP") != "1")
        {
            _directory.Dispose();
        }
    }
}
