using DaiChain.Ledger;
using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Transactions;
using DaiChain.ModelRegistry.Records;
using DaiChain.ModelRegistry.State;
using DaiChain.ModelRegistry.Validation;

namespace DaiChain.ModelRegistry.Transactions;

/// <summary>SetAlias (kind 103): points a model's alias (<c>champion</c>) at one of its versions, or clears it; by an owner, with history.</summary>
public sealed class SetAliasHandler : RegistryHandler<SetAliasPayload>
{
    public override ushort Kind => RegistryKinds.SetAlias;

    public override string Name => "set_alias";

    protected override Outcome Validate(SetAliasPayload payload) =>
        RegistryText.SlugProblem("alias", payload.Alias, RegistryLimits.MaxAliasBytes) is { } problem
            ? Fail(RegistryErrorCodes.InvalidName, problem)
            : Outcome.Success;

    protected override Outcome Execute(TransactionContext context, SetAliasPayload payload)
    {
        var role = RequireRole(context, RegistryRoles.ModelPublisher, "set aliases");
        if (!role.IsSuccess)
        {
            return role;
        }

        var model = RegistryState.GetModel(context.State, payload.ModelId);
        if (model is null)
        {
            return Fail(RegistryErrorCodes.UnknownModel, $"no model {RegistryIds.Format(payload.ModelId)} is registered");
        }

        var owner = RequireOwner(context, model, "set its aliases");
        if (!owner.IsSuccess)
        {
            return owner;
        }

        if (!payload.VersionId.IsZero)
        {
            var version = RegistryState.GetVersion(context.State, payload.VersionId);
            if (version is null)
            {
                return Fail(RegistryErrorCodes.UnknownVersion, $"no version {RegistryIds.Format(payload.VersionId)} is registered");
            }

            if (version.ModelId != model.Id)
            {
                return Fail(RegistryErrorCodes.WrongModel, $"version {version.Semver} belongs to model {RegistryIds.Format(version.ModelId)}, not to '{model.Name}'");
            }

            if (version.Revocation is not null)
            {
                return Fail(RegistryErrorCodes.VersionRevoked, $"version {version.Semver} is revoked; an alias cannot point at it");
            }
        }

        var aliasId = RegistryIds.Alias(model.Id, payload.Alias);
        var current = RegistryState.GetAlias(context.State, aliasId);
        if ((current?.VersionId ?? default) == payload.VersionId)
        {
            return Fail(RegistryErrorCodes.AliasUnchanged, payload.VersionId.IsZero
                ? $"alias '{payload.Alias}' of '{model.Name}' points nowhere already"
                : $"alias '{payload.Alias}' already points at {RegistryIds.Format(payload.VersionId)}");
        }

        var record = new AliasRecord(model.Id, payload.Alias, payload.VersionId, context.Block.Height, context.Sender);
        RegistryState.Put(context.State, RegistryState.AliasKey(aliasId), record);
        AppendList.Append(context.State, RegistrySpaces.AliasHistory, aliasId.ToArray(), Canonical.Encode(record));
        if (current is null)
        {
            RegistryState.AppendId(context.State, RegistrySpaces.ModelAliases, model.Id.ToArray(), aliasId);
        }

        context.Emit(
            "registry.alias_set",
            ("model", RegistryIds.Format(model.Id)),
            ("alias", payload.Alias),
            ("version", payload.VersionId.IsZero ? string.Empty : RegistryIds.Format(payload.VersionId)),
            ("by", context.Sender.ToString()));
        return Outcome.Success;
    }
}
