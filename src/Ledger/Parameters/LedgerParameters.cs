namespace DaiChain.Ledger.Parameters;

/// <summary>The parameters of Ledger's own transactions and block execution.</summary>
public static class LedgerParameters
{
    public const string UnbondingPeriodBlocks = "staking.unbonding_period_blocks";
    public const string MaxValidators = "staking.max_validators";
    public const string SlashFractionBps = "staking.slash_fraction_bps";
    public const string VotingPeriodBlocks = "governance.voting_period_blocks";
    public const string MaxActiveProposals = "governance.max_active_proposals";
    public const string EvidenceMaxAgeBlocks = "evidence.max_age_blocks";

    internal static void RegisterAll(ParameterRegistry registry)
    {
        registry.Register(new(UnbondingPeriodBlocks, 1_000, 1, 10_000_000, "blocks between an unbond and the tokens' return to the balance"));
        registry.Register(new(MaxValidators, 100, 1, (ulong)Chain.ChainLimits.MaxValidators, "most validators in the active set; the highest-powered are chosen"));
        registry.Register(new(SlashFractionBps, 500, 0, 10_000, "share of a validator's power removed for equivocation, in basis points"));
        registry.Register(new(VotingPeriodBlocks, 1_000, 1, 10_000_000, "blocks a governance proposal stays open for votes"));
        registry.Register(new(MaxActiveProposals, 32, 1, 1_000, "most governance proposals open at once"));
        registry.Register(new(EvidenceMaxAgeBlocks, 10_000, 1, 10_000_000, "oldest misbehaviour, in blocks, that evidence may still punish"));
    }
}
