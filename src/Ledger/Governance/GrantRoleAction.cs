using DaiChain.Ledger.Accounts;
using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Execution;
using DaiChain.Ledger.Primitives;
using DaiChain.Ledger.State;
using DaiChain.Ledger.Transactions;

namespace DaiChain.Ledger.Governance;

/// <summary>Grants a registered role to an account (no change if it holds it). Fields: address (20), role <c>string&lt;32&gt;</c>.</summary>
public sealed class GrantRoleAction(Address account, string role) : GovernanceAction
{
    public Address Account { get; } = account;

    public string Role { get; } = role;

    public override GovernanceActionKind Kind => GovernanceActionKind.GrantRole;

    public override Outcome Validate(ChainRules rules) =>
        rules.Roles.IsKnown(Role) ? Outcome.Success : Outcome.Fail(ErrorCodes.UnknownRole, $"'{Role}' is not a role; known roles: {string.Join(", ", rules.Roles.Names)}");

    public override Outcome Apply(IStateAccess state, BlockContext block)
    {
        var account = AccountState.Get(state, Account);
        if (account.HasRole(Role))
        {
            return Outcome.Success;
        }

        if (account.Roles.Count >= Accounts.Account.MaxRoles)
        {
            return Outcome.Fail(ErrorCodes.InvalidProposal, $"{Account} already holds the maximum of {Accounts.Account.MaxRoles} roles");
        }

        AccountState.Put(state, Account, account.WithRole(Role));
        return Outcome.Success;
    }

    public override string Describe() => $"grant role {Role} to {Account}";

    internal static GrantRoleAction DecodeFields(ref CanonicalReader reader) =>
        new(reader.ReadAddress("action.account"), reader.ReadString("action.role", RoleRegistry.MaxRoleNameBytes));

    private protected override void EncodeFields(ref CanonicalWriter writer)
    {
        writer.WriteAddress(Account);
        writer.WriteString(Role, RoleRegistry.MaxRoleNameBytes);
    }
}
