using DaiChain.Node.Metrics;
using DaiChain.Node.Registry;
using DaiChain.Node.Rpc;
using DaiChain.Node.Rpc.Subscriptions;
using DaiChain.RegistryTestKit;
using DaiChain.TestKit;
using Microsoft.Extensions.Logging.Abstractions;

namespace DaiChain.Node.Tests.Registry;

public sealed class RegistryNodeServicesTests
{
    [Fact]
    public async Task One_call_adds_the_methods_routes_reactor_and_commit_work()
    {
        using var directory = new TemporaryDirectory();
        var scenario = ProvenanceScenario.Build();
        var methods = new RpcMethodRegistry();
        var events = new EventHub(RpcTopics.All, new MetricsRegistry());
        await using var services = RegistryNodeServices.Create(scenario.Chain.Chain.Store, directory.Combine("artifacts"), 1 << 20, readOnly: false, methods, events, NullLoggerFactory.Instance, TimeProvider.System);

        Assert.True(methods.TryGet("registry_provenanceReport", out _));
        Assert.True(methods.TryGet("artifact_info", out _));
        Assert.Equal(["PUT", "GET"], services.Routes.Select(r => r.Method));
        Assert.Contains(services.Reactor.Channels, c => c.Id == Node.P2P.ChannelId.Artifacts);

        var store = scenario.Chain.Chain.Store;
        var block = store.GetBlock(4)!;
        services.OnBlockCommitted(block, store.GetReceipts(4)!, []);
        Assert.True(Directory.Exists(services.Artifacts.Root));
    }
}
