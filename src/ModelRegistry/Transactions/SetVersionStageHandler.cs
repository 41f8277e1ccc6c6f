using DaiChain.Ledger;
using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Transactions;
using DaiChain.ModelRegistry.Records;
using DaiChain.ModelRegistry.State;

namespace DaiChain.ModelRegistry.Transactions;

/// <summary>SetVersionStage (kind 102): staging, production or archived, by an owner; every change is kept in the version's stage history.</summary>
public sealed class SetVersionStageHandler : RegistryHandler<SetVersionStagePayload>
{
    public override ushort Kind => RegistryKinds.SetVersionStage;

    public override string Name => "set_version_stage";

    protected override Outcome Validate(SetVersionStagePayload payload) =>
        payload.Stage == VersionStage.None
            ? Fail(RegistryErrorCodes.InvalidStage, "the stage must be staging (1), production (2) or archived (3)")
            : Text("note", payload.Note, RegistryLimits.MaxNoteBytes);

    protected override Outcome Execute(TransactionContext context, SetVersionStagePayload payload)
    {
        var role = RequireRole(context, RegistryRoles.ModelPublisher, "set version stages");
        if (!role.IsSuccess)
        {
            return role;
        }

        var version = RegistryState.GetVersion(context.State, payload.VersionId);
        if (version is null)
        {
            return Fail(RegistryErrorCodes.UnknownVersion, $"no version {RegistryIds.Format(payload.VersionId)} is registered");
        }

        var model = RegistryState.GetModel(context.State, version.ModelId)!;
        var owner = RequireOwner(context, model, "set its versions' stages");
        if (!owner.IsSuccess)
        {
            return owner;
        }

        if (version.Revocation is not null)
        {
            return Fail(RegistryErrorCodes.VersionRevoked, $"version {version.Semver} is revoked; its stage can no longer change");
        }

        if (version.Stage == payload.Stage)
        {
            return Fail(RegistryErrorCodes.StageUnchanged, $"version {version.Semver} is already in stage {payload.Stage.ToString().ToLowerInvariant()}");
        }

        RegistryState.PutVersion(context.State, version with { Stage = payload.Stage, StageHeight = context.Block.Height });
        AppendList.Append(context.State, RegistrySpaces.StageHistory, version.Id.ToArray(), Canonical.Encode(new StageChange(payload.Stage, context.Block.Height, context.Sender, payload.Note)));
        context.Emit(
            "registry.stage_changed",
            ("model", RegistryIds.Format(model.Id)),
            ("version", RegistryIds.Format(version.Id)),
            ("stage", payload.Stage.ToString().ToLowerInvariant()),
            ("by", context.Sender.ToString()));
        return Outcome.Success;
    }
}
