using System.Globalization;
using DaiChain.Ledger.Accounts;
using DaiChain.Ledger.State;
using DaiChain.Ledger.Transactions;

namespace DaiChain.Ledger.Staking;

/// <summary>Begin-block step: returns the tokens whose unbonding period ends at this height to their owners.</summary>
public static class Unbonding
{
    public static void ReleaseDue(IStateAccess state, ulong height, List<ReceiptEvent> events)
    {
        var due = StakingState.GetUnbonding(state, height);
        if (due.Count == 0)
        {
            return;
        }

        foreach (var entry in due)
        {
            var account = AccountState.Get(state, entry.Owner);
            Invariant.Check(ulong.MaxValue - account.Balance >= entry.Amount, $"releasing {entry.Amount} to {entry.Owner} overflows its balance");
            AccountState.Put(state, entry.Owner, account with { Balance = account.Balance + entry.Amount });
            events.Add(new ReceiptEvent("unbonding_released", [
                new("owner", entry.Owner.ToString()),
                new("amount", entry.Amount.ToString(CultureInfo.InvariantCulture)),
            ]));
        }

        StakingState.ClearUnbonding(state, height);
    }
}
