using DaiChain.Ledger.Accounts;

namespace DaiChain.ModelRegistry;

/// <summary>
/// The roles the registry's transactions require. Roles are granted at genesis or by a passed governance
/// proposal (<c>GrantRole</c>), never by the registry itself.
/// </summary>
public static class RegistryRoles
{
    /// <summary>Registers models and, as one of a model's owners, its versions, stages, aliases, revocations and rounds.</summary>
    public const string ModelPublisher = "model_publisher";

    /// <summary>Registers datasets.</summary>
    public const string DataProvider = "data_provider";

    /// <summary>Records training contributions to a model (federated round participants need no role).</summary>
    public const string Contributor = "contributor";

    /// <summary>Records inference receipts of the versions it serves.</summary>
    public const string InferenceProvider = "inference_provider";

    /// <summary>Registers benchmarks. Only governance grants it, which is what makes benchmark registration governance-gated.</summary>
    public const string BenchmarkCurator = "benchmark_curator";

    public static void RegisterAll(RoleRegistry roles)
    {
        roles.Register(ModelPublisher, "may register models, and as a model's owner its versions, stages, aliases, revocations and federated rounds");
        roles.Register(DataProvider, "may register datasets");
        roles.Register(Contributor, "may record training contributions to a model");
        roles.Register(InferenceProvider, "may record inference receipts for the model versions it serves");
        roles.Register(BenchmarkCurator, "may register benchmarks; granted only by governance");
    }
}
