using System.Globalization;
using DaiChain.Ledger.Parameters;
using DaiChain.Ledger.Transactions;

namespace DaiChain.Ledger.Staking;

/// <summary>
/// Starts returning bonded tokens: the validator's power drops from height H+2, and the tokens reach its
/// balance at the start of block H + <c>staking.unbonding_period_blocks</c>.
/// </summary>
public sealed class UnbondHandler : TransactionHandler<StakePayload>
{
    public override ushort Kind => TransactionKinds.Unbond;

    public override string Name => "unbond";

    protected override Outcome Validate(StakePayload payload) =>
        payload.Amount == 0 ? Outcome.Fail(ErrorCodes.InvalidAmount, "unbond at least 1 token") : Outcome.Success;

    protected override Outcome Execute(TransactionContext context, StakePayload payload)
    {
        var record = StakingState.GetRecord(context.State, context.Sender);
        if (record is null)
        {
            return Outcome.Fail(ErrorCodes.NotAValidator, $"{context.Sender} is not a validator and has nothing bonded");
        }

        if (record.Bonded < payload.Amount)
        {
            return Outcome.Fail(ErrorCodes.InsufficientStake, $"{context.Sender} has {record.Bonded} tokens bonded and cannot unbond {payload.Amount}");
        }

        StakingState.PutRecord(context.State, record with { Bonded = record.Bonded - payload.Amount });
        var rules = context.Block.Rules;
        var maxValidators = (int)ParameterState.Get(context.State, rules.Parameters, LedgerParameters.MaxValidators);
        if (StakingState.ComputeActiveSet(context.State, maxValidators) is null)
        {
            return Outcome.Fail(ErrorCodes.ValidatorSetWouldEmpty, "this unbond would leave no validator with voting power; the chain would halt");
        }

        var period = ParameterState.Get(context.State, rules.Parameters, LedgerParameters.UnbondingPeriodBlocks);
        var release = context.Block.Height + period;
        StakingState.AddUnbonding(context.State, release, new UnbondingEntry(context.Sender, payload.Amount));
        context.Emit(
            "unbond",
            ("validator", context.Sender.ToString()),
            ("amount", payload.Amount.ToString(CultureInfo.InvariantCulture)),
            ("release_height", release.ToString(CultureInfo.InvariantCulture)));
        return Outcome.Success;
    }
}
