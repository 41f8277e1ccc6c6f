using DaiChain.Ledger.Accounts;
using DaiChain.Ledger.Governance;
using DaiChain.Ledger.Staking;

namespace DaiChain.Ledger.Execution;

/// <summary>Registers Ledger's own transaction kinds: transfer, bond, unbond, propose, governance vote.</summary>
public static class BuiltInHandlers
{
    public static void RegisterAll(ChainRules rules)
    {
        rules.Handlers.Register(new TransferHandler());
        rules.Handlers.Register(new BondHandler());
        rules.Handlers.Register(new UnbondHandler());
        rules.Handlers.Register(new ProposeHandler(rules));
        rules.Handlers.Register(new VoteOnProposalHandler());
    }
}
