using DaiChain.Ledger;
using DaiChain.Ledger.Transactions;
using DaiChain.ModelRegistry.Records;
using DaiChain.ModelRegistry.State;

namespace DaiChain.ModelRegistry.Transactions;

/// <summary>
/// RevokeVersion (kind 104): marks a version revoked with a reason, by an owner. Descendants are not rewritten:
/// queries walk ancestors and flag every descendant "revoked upstream"; new versions cannot name it as a parent.
/// </summary>
public sealed class RevokeVersionHandler : RegistryHandler<RevokeVersionPayload>
{
    public override ushort Kind => RegistryKinds.RevokeVersion;

    public override string Name => "revoke_version";

    protected override Outcome Validate(RevokeVersionPayload payload) => Text("reason", payload.Reason, RegistryLimits.MaxReasonBytes, required: true);

    protected override Outcome Execute(TransactionContext context, RevokeVersionPayload payload)
    {
        var role = RequireRole(context, RegistryRoles.ModelPublisher, "revoke versions");
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
        var owner = RequireOwner(context, model, "revoke its versions");
        if (!owner.IsSuccess)
        {
            return owner;
        }

        if (version.Revocation is { } earlier)
        {
            return Fail(RegistryErrorCodes.AlreadyRevoked, $"version {version.Semver} was already revoked at height {earlier.Height}");
        }

        RegistryState.PutVersion(context.State, version with { Revocation = new Revocation(payload.Reason, context.Block.Height, context.Sender) });
        context.Emit(
            "registry.version_revoked",
            ("model", RegistryIds.Format(model.Id)),
            ("version", RegistryIds.Format(version.Id)),
            ("reason", Shorten(payload.Reason, 256)),
            ("by", context.Sender.ToString()));
        return Outcome.Success;
    }

    /// <summary>At most <paramref name="chars"/> characters, never splitting a surrogate pair (events must stay valid UTF-8).</summary>
    private static string Shorten(string text, int chars)
    {
        if (text.Length <= chars)
        {
            return text;
        }

        var cut = char.IsHighSurrogate(text[chars - 1]) ? chars - 1 : chars;
        return text[..cut];
    }
}
