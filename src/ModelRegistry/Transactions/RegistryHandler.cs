using DaiChain.Ledger;
using DaiChain.Ledger.Accounts;
using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Transactions;
using DaiChain.ModelRegistry.Records;

namespace DaiChain.ModelRegistry.Transactions;

/// <summary>What every registry handler shares: role and ownership checks with their stable codes.</summary>
/// <remarks>
/// Handlers check in a fixed order (stateless fields, role, referenced records, ownership, then the kind's own
/// rules) and write nothing before every check has passed, so a rejection leaves state as it was even
/// before the executor drops the overlay.
/// </remarks>
public abstract class RegistryHandler<TPayload> : TransactionHandler<TPayload>
    where TPayload : ICanonicalEncodable<TPayload>
{
    protected static Outcome RequireRole(TransactionContext context, string role, string what)
    {
        var account = AccountState.Get(context.State, context.Sender);
        return account.HasRole(role)
            ? Outcome.Success
            : Outcome.Fail(RegistryErrorCodes.MissingRole, $"{context.Sender} may not {what}: it needs the '{role}' role, which genesis or a governance proposal grants");
    }

    protected static Outcome RequireOwner(TransactionContext context, ModelRecord model, string what) =>
        model.IsOwner(context.Sender)
            ? Outcome.Success
            : Outcome.Fail(RegistryErrorCodes.NotModelOwner, $"{context.Sender} may not {what}: only the owners of model '{model.Name}' ({model.Id}) can");

    protected static Outcome Text(string field, string value, int maxBytes, bool required = false) =>
        Validation.RegistryText.TextProblem(field, value, maxBytes, required) is { } problem ? Outcome.Fail(problem.Code, problem.Message) : Outcome.Success;

    protected static Outcome Fail(string code, string message) => Outcome.Fail(code, message);

    /// <summary>The first failure of <paramref name="checks"/>, or success.</summary>
    protected static Outcome FirstFailure(params Outcome[] checks)
    {
        foreach (var check in checks)
        {
            if (!check.IsSuccess)
            {
                return check;
            }
        }

        return Outcome.Success;
    }
}
