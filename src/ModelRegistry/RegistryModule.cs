using DaiChain.Ledger.Execution;
using DaiChain.ModelRegistry.Rewards;
using DaiChain.ModelRegistry.Transactions;

namespace DaiChain.ModelRegistry;

/// <summary>Adds the model registry to a chain: its transaction kinds, roles, parameters and epoch-reward step.</summary>
/// <example><code>var rules = ChainRules.WithLedgerBuiltIns(); RegistryModule.Register(rules); rules.Freeze();</code></example>
public static class RegistryModule
{
    /// <summary>Registers everything on <paramref name="rules"/>, which must not be frozen yet.</summary>
    public static ChainRules Register(ChainRules rules)
    {
        RegistryRoles.RegisterAll(rules.Roles);
        RegistryParameters.RegisterAll(rules.Parameters);
        rules.Handlers.Register(new RegisterModelHandler());
        rules.Handlers.Register(new RegisterModelVersionHandler());
        rules.Handlers.Register(new SetVersionStageHandler());
        rules.Handlers.Register(new SetAliasHandler());
        rules.Handlers.Register(new RevokeVersionHandler());
        rules.Handlers.Register(new RegisterDatasetHandler());
        rules.Handlers.Register(new RegisterBenchmarkHandler());
        rules.Handlers.Register(new RecordContributionHandler());
        rules.Handlers.Register(new OpenRoundHandler());
        rules.Handlers.Register(new CloseRoundHandler());
        rules.Handlers.Register(new RecordInferenceBatchHandler());
        rules.Handlers.Register(new RecordInferenceReceiptHandler());
        rules.Handlers.Register(new RecordEvaluationHandler());
        rules.Handlers.Register(new ReportConflictingEvaluationHandler());
        rules.EndBlockHandlers.Register(new EpochRewards(rules.Parameters));
        return rules;
    }

    /// <summary>Ledger's built-ins plus the registry, frozen: the rules a DaiChain node executes.</summary>
    public static ChainRules CreateRules() => Register(ChainRules.WithLedgerBuiltIns()).Freeze();
}
