using DaiChain.Ledger.Accounts;
using DaiChain.Ledger.Parameters;
using DaiChain.Ledger.Transactions;

namespace DaiChain.Ledger.Execution;

/// <summary>
/// The registries that define what a chain executes: transaction handlers, roles, parameters and end-block steps. Built once
/// at composition (Ledger's built-ins plus whatever other projects register), then frozen.
/// </summary>
public sealed class ChainRules
{
    public ChainRules()
    {
        Handlers = new TransactionHandlerRegistry();
        Roles = new RoleRegistry();
        Parameters = new ParameterRegistry();
        EndBlockHandlers = new EndBlockHandlerRegistry();
    }

    public TransactionHandlerRegistry Handlers { get; }

    public RoleRegistry Roles { get; }

    public ParameterRegistry Parameters { get; }

    /// <summary>Steps other projects run at the end of each block, after the transactions.</summary>
    public EndBlockHandlerRegistry EndBlockHandlers { get; }

    public bool IsFrozen { get; private set; }

    /// <summary>Rules with Ledger's own transaction kinds registered (not yet frozen, so others can add theirs).</summary>
    public static ChainRules WithLedgerBuiltIns()
    {
        var rules = new ChainRules();
        BuiltInHandlers.RegisterAll(rules);
        return rules;
    }

    public ChainRules Freeze()
    {
        Handlers.Freeze();
        Roles.Freeze();
        Parameters.Freeze();
        EndBlockHandlers.Freeze();
        IsFrozen = true;
        return this;
    }
}
