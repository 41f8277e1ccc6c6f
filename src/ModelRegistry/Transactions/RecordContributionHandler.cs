using System.Globalization;
using DaiChain.Ledger;
using DaiChain.Ledger.Transactions;
using DaiChain.ModelRegistry.Records;
using DaiChain.ModelRegistry.State;

namespace DaiChain.ModelRegistry.Transactions;

/// <summary>
/// RecordTrainingContribution (kind 107). To a model: the sender needs <c>contributor</c> and records its own
/// contribution, or, as one of the model's owners, attests another account's. To a federated round: the sender
/// must be a participant of the open round, before its deadline, and records its own. The id is the transaction hash.
/// </summary>
public sealed class RecordContributionHandler : RegistryHandler<RecordContributionPayload>
{
    public override ushort Kind => RegistryKinds.RecordTrainingContribution;

    public override string Name => "record_training_contribution";

    protected override Outcome Validate(RecordContributionPayload payload)
    {
        if (payload.TargetId.IsZero || payload.Contributor.IsZero)
        {
            return Fail(RegistryErrorCodes.InvalidContribution, "a contribution names its model or round and a contributor");
        }

        if (payload.SampleCount > RegistryLimits.MaxContributionAmount || payload.ComputeUnits > RegistryLimits.MaxContributionAmount)
        {
            return Fail(RegistryErrorCodes.InvalidContribution, $"sample count and compute units are at most {RegistryLimits.MaxContributionAmount} each");
        }

        if (payload.SampleCount == 0 && payload.ComputeUnits == 0)
        {
            return Fail(RegistryErrorCodes.InvalidContribution, "a contribution has samples or compute units (or both)");
        }

        return payload.SampleCount > 0 && payload.DatasetCommitment.IsZero
            ? Fail(RegistryErrorCodes.InvalidContribution, "a contribution with samples commits to its data: give the dataset commitment hash")
            : Outcome.Success;
    }

    protected override Outcome Execute(TransactionContext context, RecordContributionPayload payload)
    {
        var state = context.State;
        RoundRecord? round = null;
        ModelRecord? model;
        if (payload.Target == ContributionTarget.Model)
        {
            var role = RequireRole(context, RegistryRoles.Contributor, "record training contributions");
            if (!role.IsSuccess)
            {
                return role;
            }

            model = RegistryState.GetModel(state, payload.TargetId);
            if (model is null)
            {
                return Fail(RegistryErrorCodes.UnknownModel, $"no model {RegistryIds.Format(payload.TargetId)} is registered");
            }

            if (payload.Contributor != context.Sender)
            {
                var owner = RequireOwner(context, model, $"record a contribution on behalf of {payload.Contributor}");
                if (!owner.IsSuccess)
                {
                    return owner;
                }
            }
        }
        else
        {
            round = RegistryState.GetRound(state, payload.TargetId);
            if (round is null)
            {
                return Fail(RegistryErrorCodes.UnknownRound, $"no round {RegistryIds.Format(payload.TargetId)} was opened");
            }

            if (round.Status != RoundStatus.Open)
            {
                return Fail(RegistryErrorCodes.RoundClosed, $"round {RegistryIds.Format(round.Id)} closed at height {round.ClosedHeight}");
            }

            if (context.Block.Height > round.DeadlineHeight)
            {
                return Fail(RegistryErrorCodes.RoundDeadlinePassed, $"round {RegistryIds.Format(round.Id)} took contributions until height {round.DeadlineHeight}; this is height {context.Block.Height}");
            }

            if (!round.IsParticipant(context.Sender) || payload.Contributor != context.Sender)
            {
                return Fail(RegistryErrorCodes.NotRoundParticipant, $"{context.Sender} may not contribute to round {RegistryIds.Format(round.Id)}: its participants record their own contributions");
            }

            if (round.ContributionCount >= (ulong)RegistryLimits.MaxRoundContributions)
            {
                return Fail(RegistryErrorCodes.RoundFull, $"round {RegistryIds.Format(round.Id)} holds {RegistryLimits.MaxRoundContributions} contributions, the most one aggregated version can cite");
            }

            model = RegistryState.GetModel(state, round.ModelId)!;
        }

        var id = context.Transaction.Hash;
        var record = new ContributionRecord
        {
            Id = id,
            Target = payload.Target,
            ModelId = model.Id,
            RoundId = round?.Id ?? default,
            Contributor = payload.Contributor,
            RecordedBy = context.Sender,
            DatasetCommitment = payload.DatasetCommitment,
            SampleCount = payload.SampleCount,
            ComputeUnits = payload.ComputeUnits,
            UpdateArtifact = payload.UpdateArtifact,
            Height = context.Block.Height,
        };
        RegistryState.Put(state, RegistryState.ContributionKey(id), record);
        RegistryState.AppendId(state, RegistrySpaces.ModelContributions, model.Id.ToArray(), id);
        RegistryState.AppendId(state, RegistrySpaces.ContributorContributions, payload.Contributor.ToArray(), id);
        if (round is not null)
        {
            RegistryState.AppendId(state, RegistrySpaces.RoundContributions, round.Id.ToArray(), id);
            RegistryState.Put(state, RegistryState.RoundKey(round.Id), round with { ContributionCount = round.ContributionCount + 1 });
        }

        context.Emit(
            "registry.contribution_recorded",
            ("model", RegistryIds.Format(model.Id)),
            ("contribution", RegistryIds.Format(id)),
            ("round", round is null ? string.Empty : RegistryIds.Format(round.Id)),
            ("contributor", payload.Contributor.ToString()),
            ("samples", payload.SampleCount.ToString(CultureInfo.InvariantCulture)),
            ("compute_units", payload.ComputeUnits.ToString(CultureInfo.InvariantCulture)));
        return Outcome.Success;
    }
}
