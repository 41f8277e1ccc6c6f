using DaiChain.Ledger;
using DaiChain.Ledger.Primitives;
using DaiChain.Ledger.Transactions;
using DaiChain.ModelRegistry.Records;
using DaiChain.ModelRegistry.State;
using DaiChain.ModelRegistry.Validation;

namespace DaiChain.ModelRegistry.Transactions;

/// <summary>RegisterDataset (kind 105): a dataset identified by the SHA-256 of its bytes; needs <c>data_provider</c>. The sender is its owner.</summary>
public sealed class RegisterDatasetHandler : RegistryHandler<RegisterDatasetPayload>
{
    private static readonly Hash256 EmptyHash = Hash256.Compute([]);

    public override ushort Kind => RegistryKinds.RegisterDataset;

    public override string Name => "register_dataset";

    protected override Outcome Validate(RegisterDatasetPayload payload)
    {
        if (payload.Hash.IsZero || payload.Hash == EmptyHash)
        {
            return Fail(RegistryErrorCodes.BadArtifactHash, $"dataset hash {payload.Hash} names no data; give the SHA-256 of the dataset file");
        }

        if (payload.SizeBytes == 0)
        {
            return Fail(RegistryErrorCodes.InvalidArtifactSize, "a dataset has at least one byte");
        }

        if (RegistryText.NameProblem("dataset name", payload.Name, RegistryLimits.MaxDatasetNameBytes) is { } name)
        {
            return Fail(RegistryErrorCodes.InvalidName, name);
        }

        if (SpdxExpression.Problem(payload.Licence) is { } licence)
        {
            return Fail(RegistryErrorCodes.InvalidLicence, licence);
        }

        return Text("schema", payload.Schema, RegistryLimits.MaxSchemaBytes);
    }

    protected override Outcome Execute(TransactionContext context, RegisterDatasetPayload payload)
    {
        var role = RequireRole(context, RegistryRoles.DataProvider, "register datasets");
        if (!role.IsSuccess)
        {
            return role;
        }

        if (RegistryState.GetDataset(context.State, payload.Hash) is { } existing)
        {
            return Fail(RegistryErrorCodes.DuplicateDataset, $"dataset {RegistryIds.Format(payload.Hash)} is already registered as '{existing.Name}' by {existing.Owner}");
        }

        RegistryState.Put(context.State, RegistryState.DatasetKey(payload.Hash), new DatasetRecord
        {
            Hash = payload.Hash,
            Owner = context.Sender,
            Name = payload.Name,
            SizeBytes = payload.SizeBytes,
            Schema = payload.Schema,
            Licence = payload.Licence,
            Visibility = payload.Visibility,
            RegisteredHeight = context.Block.Height,
        });
        RegistryState.AppendId(context.State, RegistrySpaces.Datasets, [], payload.Hash);
        context.Emit(
            "registry.dataset_registered",
            ("dataset", RegistryIds.Format(payload.Hash)),
            ("name", payload.Name),
            ("visibility", payload.Visibility.ToString().ToLowerInvariant()),
            ("owner", context.Sender.ToString()));
        return Outcome.Success;
    }
}
