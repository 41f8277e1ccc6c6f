using System.Text.Json.Nodes;
using DaiChain.Node.RpcClient;

namespace DaiChain.Node.Cli.Commands;

/// <summary><c>daichain status [--rpc URL] [--json]</c>: a node's chain, height, mode, peers and consensus position.</summary>
internal sealed class StatusCommand : Command
{
    private static readonly OptionSpec JsonOption = new("json", null, "print node_status as JSON");

    public override string Name => "status";

    public override string Summary => "show a node's chain, height, mode, peers and consensus state";

    public override IReadOnlyList<OptionSpec> Options => [RpcCommandSupport.RpcOption, JsonOption];

    public override int Execute(CommandInput input, CliConsole console)
    {
        using var client = new JsonRpcClient(RpcCommandSupport.Endpoint(input), TimeSpan.FromSeconds(10));
        var status = RpcCommandSupport.Call(client, "node_status") as JsonObject
            ?? throw new CommandException("node_status returned no object");
        if (input.Has(JsonOption.Name))
        {
            console.Out.WriteLine(status.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
            return ExitCodes.Success;
        }

        console.Out.WriteLine($"node:      {status["moniker"]} ({status["mode"]}) {status["nodeId"]}");
        console.Out.WriteLine($"chain:     {status["chainId"]}");
        console.Out.WriteLine($"height:    {status["height"]}  {status["latestBlockHash"]}");
        console.Out.WriteLine($"syncing:   {status["syncing"]}  (peers at {status["maxPeerHeight"]})");
        console.Out.WriteLine($"peers:     {status["peers"]}");
        if (status["consensus"] is JsonObject consensus)
        {
            console.Out.WriteLine($"consensus: height {consensus["height"]} round {consensus["round"]} step {consensus["step"]}{(consensus["halted"] is { } halted ? $"  HALTED: {halted}" : string.Empty)}");
        }

        if (status["validatorAddress"] is { } validator)
        {
            console.Out.WriteLine($"validator: {validator}");
        }

        if (status["mempool"] is JsonObject mempool)
        {
            console.Out.WriteLine($"mempool:   {mempool["transactions"]} transactions, {mempool["bytes"]} bytes");
        }

        return ExitCodes.Success;
    }
}
