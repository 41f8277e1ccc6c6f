using System.Globalization;
using DaiChain.Ledger;
using DaiChain.Ledger.Transactions;
using DaiChain.ModelRegistry.Records;
using DaiChain.ModelRegistry.State;

namespace DaiChain.ModelRegistry.Transactions;

/// <summary>OpenRound (kind 108): a federated training round of a model, by an owner: who may contribute, and until which height. The id is the transaction hash.</summary>
public sealed class OpenRoundHandler : RegistryHandler<OpenRoundPayload>
{
    public override ushort Kind => RegistryKinds.OpenRound;

    public override string Name => "open_round";

    protected override Outcome Validate(OpenRoundPayload payload)
    {
        if (payload.Participants.Count == 0 || payload.Participants.Any(p => p.IsZero))
        {
            return Fail(RegistryErrorCodes.InvalidRound, $"a round names 1-{RegistryLimits.MaxRoundParticipants} participants, none the zero address");
        }

        return Text("description", payload.Description, RegistryLimits.MaxNoteBytes);
    }

    protected override Outcome Execute(TransactionContext context, OpenRoundPayload payload)
    {
        var role = RequireRole(context, RegistryRoles.ModelPublisher, "open federated rounds");
        if (!role.IsSuccess)
        {
            return role;
        }

        var model = RegistryState.GetModel(context.State, payload.ModelId);
        if (model is null)
        {
            return Fail(RegistryErrorCodes.UnknownModel, $"no model {RegistryIds.Format(payload.ModelId)} is registered");
        }

        var owner = RequireOwner(context, model, "open its rounds");
        if (!owner.IsSuccess)
        {
            return owner;
        }

        var height = context.Block.Height;
        if (payload.DeadlineHeight <= height || payload.DeadlineHeight - height > RegistryLimits.MaxRoundBlocks)
        {
            return Fail(RegistryErrorCodes.InvalidRound, $"the deadline must be after this height ({height}) and at most {RegistryLimits.MaxRoundBlocks} blocks later; got {payload.DeadlineHeight}");
        }

        var id = context.Transaction.Hash;
        RegistryState.Put(context.State, RegistryState.RoundKey(id), new RoundRecord
        {
            Id = id,
            ModelId = model.Id,
            OpenedBy = context.Sender,
            Participants = payload.Participants,
            DeadlineHeight = payload.DeadlineHeight,
            OpenedHeight = height,
            Description = payload.Description,
        });
        RegistryState.AppendId(context.State, RegistrySpaces.ModelRounds, model.Id.ToArray(), id);
        context.Emit(
            "registry.round_opened",
            ("model", RegistryIds.Format(model.Id)),
            ("round", RegistryIds.Format(id)),
            ("participants", payload.Participants.Count.ToString(CultureInfo.InvariantCulture)),
            ("deadline_height", payload.DeadlineHeight.ToString(CultureInfo.InvariantCulture)));
        return Outcome.Success;
    }
}
