using DaiChain.Ledger;
using DaiChain.Ledger.Primitives;
using DaiChain.Ledger.Transactions;
using DaiChain.ModelRegistry.Records;
using DaiChain.ModelRegistry.State;
using DaiChain.ModelRegistry.Validation;

namespace DaiChain.ModelRegistry.Transactions;

/// <summary>RegisterModel (kind 100): a new model, named uniquely per creator; needs <c>model_publisher</c>.</summary>
public sealed class RegisterModelHandler : RegistryHandler<RegisterModelPayload>
{
    public override ushort Kind => RegistryKinds.RegisterModel;

    public override string Name => "register_model";

    protected override Outcome Validate(RegisterModelPayload payload)
    {
        if (RegistryText.NameProblem("model name", payload.Name, RegistryLimits.MaxModelNameBytes) is { } name)
        {
            return Fail(RegistryErrorCodes.InvalidName, name);
        }

        if (RegistryText.SlugProblem("task type", payload.TaskType, RegistryLimits.MaxTaskTypeBytes) is { } task)
        {
            return Fail(RegistryErrorCodes.InvalidName, task + " (for example image-classification)");
        }

        if (SpdxExpression.Problem(payload.Licence) is { } licence)
        {
            return Fail(RegistryErrorCodes.InvalidLicence, licence);
        }

        if (payload.CoOwners.Any(o => o.IsZero))
        {
            return Fail(RegistryErrorCodes.InvalidOwners, "a co-owner cannot be the zero address");
        }

        return Text("description", payload.Description, RegistryLimits.MaxDescriptionBytes);
    }

    protected override Outcome Execute(TransactionContext context, RegisterModelPayload payload)
    {
        var role = RequireRole(context, RegistryRoles.ModelPublisher, "register models");
        if (!role.IsSuccess)
        {
            return role;
        }

        var id = RegistryIds.Model(context.Sender, payload.Name);
        if (RegistryState.GetModel(context.State, id) is not null)
        {
            return Fail(RegistryErrorCodes.DuplicateModel, $"{context.Sender} already registered a model named '{payload.Name}' ({id}); register a version of it, or pick another name");
        }

        var owners = new SortedSet<Address>(payload.CoOwners) { context.Sender };
        var model = new ModelRecord
        {
            Id = id,
            Creator = context.Sender,
            Name = payload.Name,
            Description = payload.Description,
            TaskType = payload.TaskType,
            Licence = payload.Licence,
            Owners = [.. owners],
            CreatedHeight = context.Block.Height,
        };
        RegistryState.PutModel(context.State, model);
        RegistryState.AppendId(context.State, RegistrySpaces.Models, [], id);
        context.Emit("registry.model_registered", ("model", RegistryIds.Format(id)), ("name", payload.Name), ("creator", context.Sender.ToString()));
        return Outcome.Success;
    }
}
