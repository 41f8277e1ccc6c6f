using DaiChain.Ledger.Parameters;
using DaiChain.Ledger.Staking;
using DaiChain.Ledger.Transactions;
using DaiChain.TestKit;

namespace DaiChain.Ledger.Tests.Execution;

public sealed class StakingExecutionTests
{
    private static TestChain NewChain() => new(Build.A.Genesis
        .WithAccount(Keys.Validator(0).Address, 5_000)
        .WithParameter(LedgerParameters.UnbondingPeriodBlocks, 3)
        .Build());

    [Fact]
    public void Bonding_adds_power_from_height_plus_two()
    {
        var chain = NewChain();
        var validator = Keys.Validator(0);
        var block = chain.CommitNext(Build.A.Transaction.From(validator).Bond(1_000).Signed());
        Assert.True(chain.ReceiptsOf(block).Single().Success);
        Assert.Equal(4_000UL, chain.AccountOf(validator.Address).Balance);
        Assert.Equal(10UL, chain.Store.GetValidatorSet(block.Height + 1)!.Find(validator.Address)!.Power);
        Assert.Equal(1_010UL, chain.Store.GetValidatorSet(block.Height + 2)!.Find(validator.Address)!.Power);
        Assert.Equal(1_000UL, StakingState.GetRecord(chain.Head.State, validator.Address)!.Bonded);
    }

    [Fact]
    public void Unbonding_lowers_power_at_height_plus_two_and_returns_tokens_after_the_period()
    {
        var chain = NewChain();
        var validator = Keys.Validator(0);
        chain.CommitNext(Build.A.Transaction.From(validator).Bond(1_000).Signed());
        var unbond = chain.CommitNext(Build.A.Transaction.From(validator).Nonce(1).Unbond(400).Signed());
        Assert.True(chain.ReceiptsOf(unbond).Single().Success);
        Assert.Equal(610UL, chain.Store.GetValidatorSet(unbond.Height + 2)!.Find(validator.Address)!.Power);
        Assert.Equal(4_000UL, chain.AccountOf(validator.Address).Balance);

        chain.AdvanceTo(unbond.Height + 2);
        Assert.Equal(4_000UL, chain.AccountOf(validator.Address).Balance);
        chain.AdvanceTo(unbond.Height + 3);
        Assert.Equal(4_400UL, chain.AccountOf(validator.Address).Balance);
        Assert.Empty(StakingState.GetUnbonding(chain.Head.State, unbond.Height + 3));
    }

    [Fact]
    public void Only_admitted_validators_bond()
    {
        var chain = NewChain();
        var outsider = Keys.Account(0);
        chain.FailsWith(Build.A.Transaction.From(outsider).Bond(10).Signed(), ErrorCodes.NotAValidator, outsider.Address);
    }

    [Fact]
    public void Bonding_more_than_the_balance_or_unbonding_more_than_bonded_fails()
    {
        var chain = NewChain();
        var validator = Keys.Validator(0);
        chain.FailsWith(Build.A.Transaction.From(validator).Bond(5_001).Signed(), ErrorCodes.InsufficientBalance, validator.Address);
        chain.FailsWith(Build.A.Transaction.From(validator).Nonce(1).Unbond(1).Signed(), ErrorCodes.InsufficientStake, validator.Address);
        Assert.Equal(0UL, StakingState.GetRecord(chain.Head.State, validator.Address)!.Bonded);
    }

    [Fact]
    public void Zero_amounts_are_refused_before_execution()
    {
        var chain = NewChain();
        var tx = Build.A.Transaction.From(Keys.Validator(0)).Bond(0).Signed();
        Assert.Equal(ErrorCodes.InvalidAmount, chain.Executor.CheckEnvelope(chain.ChainId, tx, out _).Code);
    }
}
