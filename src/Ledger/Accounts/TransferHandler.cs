using System.Globalization;
using DaiChain.Ledger.Transactions;

namespace DaiChain.Ledger.Accounts;

/// <summary>Moves tokens from the sender to a recipient. Needs no role.</summary>
public sealed class TransferHandler : TransactionHandler<TransferPayload>
{
    public override ushort Kind => TransactionKinds.Transfer;

    public override string Name => "transfer";

    protected override Outcome Validate(TransferPayload payload) =>
        payload.Amount == 0 ? Outcome.Fail(ErrorCodes.InvalidAmount, "a transfer moves at least 1 token; set a positive amount") : Outcome.Success;

    protected override Outcome Execute(TransactionContext context, TransferPayload payload)
    {
        var sender = AccountState.Get(context.State, context.Sender);
        if (sender.Balance < payload.Amount)
        {
            return Outcome.Fail(ErrorCodes.InsufficientBalance, $"{context.Sender} holds {sender.Balance} tokens and cannot send {payload.Amount}");
        }

        AccountState.Put(context.State, context.Sender, sender with { Balance = sender.Balance - payload.Amount });
        var recipient = AccountState.Get(context.State, payload.Recipient);
        if (ulong.MaxValue - recipient.Balance < payload.Amount)
        {
            return Outcome.Fail(ErrorCodes.BalanceOverflow, $"{payload.Recipient}'s balance would overflow");
        }

        AccountState.Put(context.State, payload.Recipient, recipient with { Balance = recipient.Balance + payload.Amount });
        context.Emit(
            "transfer",
            ("from", context.Sender.ToString()),
            ("to", payload.Recipient.ToString()),
            ("amount", payload.Amount.ToString(CultureInfo.InvariantCulture)));
        return Outcome.Success;
    }
}
