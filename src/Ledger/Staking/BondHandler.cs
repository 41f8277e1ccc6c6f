using System.Globalization;
using DaiChain.Ledger.Accounts;
using DaiChain.Ledger.Transactions;

namespace DaiChain.Ledger.Staking;

/// <summary>
/// Locks tokens from a validator's balance as stake, adding to its voting power from height H+2. Only an
/// admitted validator (one with a record, from genesis or governance) may bond: the chain is permissioned.
/// </summary>
public sealed class BondHandler : TransactionHandler<StakePayload>
{
    public override ushort Kind => TransactionKinds.Bond;

    public override string Name => "bond";

    protected override Outcome Validate(StakePayload payload) =>
        payload.Amount == 0 ? Outcome.Fail(ErrorCodes.InvalidAmount, "bond at least 1 token") : Outcome.Success;

    protected override Outcome Execute(TransactionContext context, StakePayload payload)
    {
        var record = StakingState.GetRecord(context.State, context.Sender);
        if (record is null)
        {
            return Outcome.Fail(ErrorCodes.NotAValidator, $"{context.Sender} is not an admitted validator; a governance proposal must add it before it can bond");
        }

        var account = AccountState.Get(context.State, context.Sender);
        if (account.Balance < payload.Amount)
        {
            return Outcome.Fail(ErrorCodes.InsufficientBalance, $"{context.Sender} holds {account.Balance} tokens and cannot bond {payload.Amount}");
        }

        if (ulong.MaxValue - record.Bonded < payload.Amount)
        {
            return Outcome.Fail(ErrorCodes.PowerLimitExceeded, "the bonded amount would overflow");
        }

        AccountState.Put(context.State, context.Sender, account with { Balance = account.Balance - payload.Amount });
        StakingState.PutRecord(context.State, record with { Bonded = record.Bonded + payload.Amount });
        if (!StakingState.PowerWithinLimit(context.State))
        {
            return Outcome.Fail(ErrorCodes.PowerLimitExceeded, "the validators' total power would exceed 2^60; bond less");
        }

        context.Emit("bond", ("validator", context.Sender.ToString()), ("amount", payload.Amount.ToString(CultureInfo.InvariantCulture)));
        return Outcome.Success;
    }
}
