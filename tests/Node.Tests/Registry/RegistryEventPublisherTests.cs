using DaiChain.Node.Registry;
using DaiChain.Node.Rpc;
using DaiChain.Node.Tests.Rpc;
using DaiChain.RegistryTestKit;

namespace DaiChain.Node.Tests.Registry;

public sealed class RegistryEventPublisherTests
{
    [Fact]
    public async Task Subscribers_filtering_on_a_model_receive_that_models_events_of_committed_blocks()
    {
        var scenario = ProvenanceScenario.Build();
        var store = scenario.Chain.Chain.Store;
        await using var rpc = await RpcTestServer.StartAsync(methods: new RpcMethodRegistry());
        using var ws = await rpc.ConnectAsync();
        var model = ModelRegistry.RegistryIds.Format(scenario.Model).ToUpperInvariant().Replace("0X", "0x", StringComparison.Ordinal);
        var subscribed = await ws.CallAsync(1, "subscribe", $$"""{"topic":"registryEvents","model":"{{model}}"}""");
        Assert.True(subscribed.TryGetProperty("result", out _), subscribed.ToString());

        var publisher = new RegistryEventPublisher(rpc.Events);
        var published = 0;
        for (var height = 1UL; height <= store.Height; height++)
        {
            var block = store.GetBlock(height)!;
            published += publisher.PublishBlock(height, [.. block.Transactions.Select(t => t.Hash)], store.GetReceipts(height)!, []);
        }

        // Dataset, benchmark, model, 2 contributions, 2 versions, stage, alias, 2 inference records.
        Assert.Equal(11, published);
        var types = new List<string>();
        for (var i = 0; i < 9; i++)
        {
            var message = (await ws.ReceiveAsync())!.Value;
            var result = message.GetProperty("params").GetProperty("result");
            Assert.Equal(ModelRegistry.RegistryIds.Format(scenario.Model), result.GetProperty("attributes").GetProperty("model").GetString());
            types.Add(result.GetProperty("type").GetString()!);
        }

        Assert.Equal(
            ["registry.model_registered", "registry.contribution_recorded", "registry.contribution_recorded", "registry.version_registered", "registry.version_registered", "registry.stage_changed", "registry.alias_set", "registry.inference_recorded", "registry.inference_recorded"],
            types);
    }
}
