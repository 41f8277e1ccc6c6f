using DaiChain.Ledger.Accounts;
using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Execution;
using DaiChain.Ledger.Primitives;
using DaiChain.Ledger.State;
using DaiChain.Ledger.Transactions;

namespace DaiChain.Ledger.Governance;

/// <summary>Revokes a role from an account (no change if it does not hold it). Fields: address (20), role <c>string&lt;32&gt;</c>.</summary>
public sealed class RevokeRoleAction(Address account, string role) : GovernanceAction
{
    public Address Account { get; } = account;

    public string Role { get; } = role;

    public override GovernanceActionKind Kind => GovernanceActionKind.RevokeRole;

    public override Outcome Validate(ChainRules rules) =>
        rules.Roles.IsKnown(Role) ? Outcome.Success : Outcome.Fail(ErrorCodes.UnknownRole, $"'{Role}' is not a role; known roles: {string.Join(", ", rules.Roles.Names)}");

    public override Outcome Apply(IStateAccess state, BlockContext block)
    {
        var account = AccountState.Get(state, Account);
        if (account.HasRole(Role))
        {
            AccountState.Put(state, Account, account.WithoutRole(Role));
        }

        return Outcome.Success;
    }

    public override string Describe() => $"revoke role {Role} from {Account}";

    internal static RevokeRoleAction DecodeFields(ref CanonicalReader reader) =>
        new(reader.ReadAddress("action.account"), reader.ReadString("action.role", RoleRegistry.MaxRoleNameBytes));

    private protected override void EncodeFields(ref CanonicalWriter writer)
    {
        writer.WriteAddress(Account);
        writer.WriteString(Role, RoleRegistry.MaxRoleNameBytes);
    }
}
