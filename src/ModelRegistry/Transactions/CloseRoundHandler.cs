using DaiChain.Ledger;
using DaiChain.Ledger.Transactions;
using DaiChain.ModelRegistry.Records;
using DaiChain.ModelRegistry.State;

namespace DaiChain.ModelRegistry.Transactions;

/// <summary>
/// CloseRound (kind 109): closes a round with its aggregated version, by an owner. The version must be of the
/// round's model, not revoked, not already closing a round, and cite every contribution recorded in the round.
/// </summary>
public sealed class CloseRoundHandler : RegistryHandler<CloseRoundPayload>
{
    public override ushort Kind => RegistryKinds.CloseRound;

    public override string Name => "close_round";

    protected override Outcome Execute(TransactionContext context, CloseRoundPayload payload)
    {
        var state = context.State;
        var role = RequireRole(context, RegistryRoles.ModelPublisher, "close federated rounds");
        if (!role.IsSuccess)
        {
            return role;
        }

        var round = RegistryState.GetRound(state, payload.RoundId);
        if (round is null)
        {
            return Fail(RegistryErrorCodes.UnknownRound, $"no round {RegistryIds.Format(payload.RoundId)} was opened");
        }

        var model = RegistryState.GetModel(state, round.ModelId)!;
        var owner = RequireOwner(context, model, "close its rounds");
        if (!owner.IsSuccess)
        {
            return owner;
        }

        if (round.Status != RoundStatus.Open)
        {
            return Fail(RegistryErrorCodes.RoundClosed, $"round {RegistryIds.Format(round.Id)} already closed at height {round.ClosedHeight}");
        }

        var version = RegistryState.GetVersion(state, payload.VersionId);
        if (version is null)
        {
            return Fail(RegistryErrorCodes.UnknownVersion, $"no version {RegistryIds.Format(payload.VersionId)} is registered; register the aggregated version first");
        }

        if (version.ModelId != round.ModelId)
        {
            return Fail(RegistryErrorCodes.WrongModel, $"version {version.Semver} is not a version of the round's model '{model.Name}'");
        }

        if (version.Revocation is not null)
        {
            return Fail(RegistryErrorCodes.VersionRevoked, $"version {version.Semver} is revoked");
        }

        if (!version.ClosedRound.IsZero)
        {
            return Fail(RegistryErrorCodes.InvalidRound, $"version {version.Semver} already closes round {RegistryIds.Format(version.ClosedRound)}");
        }

        var roundContributions = RegistryState.ReadIds(state, RegistrySpaces.RoundContributions, round.Id.ToArray(), 0, RegistryLimits.MaxRoundContributions);
        var cited = new HashSet<Ledger.Primitives.Hash256>(version.Contributions);
        var missing = roundContributions.Where(c => !cited.Contains(c)).ToList();
        if (missing.Count > 0)
        {
            return Fail(RegistryErrorCodes.RoundIncomplete, $"version {version.Semver} does not cite {missing.Count} of the round's {roundContributions.Count} contributions (first: {RegistryIds.Format(missing[0])}); an aggregated version cites them all");
        }

        RegistryState.Put(state, RegistryState.RoundKey(round.Id), round with { Status = RoundStatus.Closed, ClosedHeight = context.Block.Height, AggregatedVersion = version.Id });
        RegistryState.PutVersion(state, version with { ClosedRound = round.Id });
        context.Emit(
            "registry.round_closed",
            ("model", RegistryIds.Format(model.Id)),
            ("round", RegistryIds.Format(round.Id)),
            ("version", RegistryIds.Format(version.Id)));
        return Outcome.Success;
    }
}
