using System.Text.Json.Nodes;
using DaiChain.Node.LocalNet;
using DaiChain.Node.RpcClient;

namespace DaiChain.EndToEnd.Tests;

/// <summary>One node of a <see cref="Cluster"/>: its home, ports, process and JSON-RPC client.</summary>
public sealed class ClusterNode : IDisposable
{
    public ClusterNode(string name, string home, int rpcPort, int p2pPort)
    {
        Name = name;
        Home = home;
        RpcPort = rpcPort;
        P2PPort = p2pPort;
        Rpc = new JsonRpcClient(new Uri($"http://127.0.0.1:{rpcPort}/"), TimeSpan.FromSeconds(30));
    }

    public string Name { get; }

    public string Home { get; }

    public int RpcPort { get; }

    public int P2PPort { get; }

    public JsonRpcClient Rpc { get; }

    public NodeProcess? Process { get; set; }

    public string LogFile => Path.Combine(Home, "node.log");

    public async Task<JsonObject> StatusAsync() => (JsonObject)(await Rpc.CallAsync("node_status"))!;

    public async Task<ulong> HeightAsync() => (await StatusAsync())["height"]!.GetValue<ulong>();

    public async Task<JsonObject?> HeaderAsync(ulong height) =>
        (JsonObject?)await Rpc.CallAsync("chain_getHeader", new JsonObject { ["height"] = height });

    /// <summary>The last lines of the node's log, for failure messages.</summary>
    public string LogTail(int lines = 30)
    {
        try
        {
            using var stream = new FileStream(LogFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            var all = reader.ReadToEnd().Split('\n');
            return $"--- {Name} ---\n" + string.Join('\n', all.TakeLast(lines));
        }
        catch (IOException)
        {
            return $"--- {Name}: no log ---";
        }
    }

    public void Dispose()
    {
        Process?.Dispose();
        Rpc.Dispose();
    }
}
