using DaiChain.Ledger.Crypto;
using DaiChain.ModelRegistry;
using DaiChain.TestKit;

namespace DaiChain.RegistryTestKit;

/// <summary>The fixed identities of registry tests and the roles <see cref="RegistryChain"/>'s genesis grants them.</summary>
public static class Actors
{
    /// <summary>Publishes models (<c>model_publisher</c>).</summary>
    public static PrivateKey Alice => Keys.Account(0);

    /// <summary>Publishes models and contributes (<c>model_publisher</c>, <c>contributor</c>).</summary>
    public static PrivateKey Bob => Keys.Account(1);

    /// <summary>Provides data and contributes (<c>data_provider</c>, <c>contributor</c>).</summary>
    public static PrivateKey Carol => Keys.Account(2);

    /// <summary>Serves inference (<c>inference_provider</c>).</summary>
    public static PrivateKey Provider => Keys.Account(3);

    /// <summary>Registers benchmarks (<c>benchmark_curator</c>).</summary>
    public static PrivateKey Curator => Keys.Account(4);

    /// <summary>Holds no role.</summary>
    public static PrivateKey Mallory => Keys.Account(5);

    /// <summary>A consumer of inference (no role, no balance).</summary>
    public static PrivateKey Consumer => Keys.Account(6);

    public static IReadOnlyList<(PrivateKey Key, string[] Roles)> All { get; } =
    [
        (Alice, [RegistryRoles.ModelPublisher]),
        (Bob, [RegistryRoles.ModelPublisher, RegistryRoles.Contributor]),
        (Carol, [RegistryRoles.DataProvider, RegistryRoles.Contributor]),
        (Provider, [RegistryRoles.InferenceProvider]),
        (Curator, [RegistryRoles.BenchmarkCurator]),
        (Mallory, []),
    ];
}
