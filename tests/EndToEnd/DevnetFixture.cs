namespace DaiChain.EndToEnd.Tests;

/// <summary>One running devnet shared by the tests that do not disturb it.</summary>
public sealed class DevnetFixture : IAsyncLifetime
{
    public Cluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync() => Cluster = await Cluster.StartAsync();

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}
