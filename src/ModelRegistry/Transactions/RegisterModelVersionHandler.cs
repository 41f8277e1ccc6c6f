using System.Globalization;
using DaiChain.Ledger;
using DaiChain.Ledger.Primitives;
using DaiChain.Ledger.Transactions;
using DaiChain.ModelRegistry.Records;
using DaiChain.ModelRegistry.State;
using DaiChain.ModelRegistry.Validation;

namespace DaiChain.ModelRegistry.Transactions;

/// <summary>
/// RegisterModelVersion (kind 101): a version of a model, by one of its owners (with <c>model_publisher</c>). The
/// semantic version is unique per model; parents must exist and not be revoked, so every lineage edge points to
/// an earlier version and the lineage stays a DAG; datasets, benchmarks and contributions must exist, and the
/// contributions must be to this model or one of its rounds. The version starts unevaluated.
/// </summary>
public sealed class RegisterModelVersionHandler : RegistryHandler<RegisterModelVersionPayload>
{
    /// <summary>SHA-256 of no bytes: never a model.</summary>
    private static readonly Hash256 EmptyHash = Hash256.Compute([]);

    public override ushort Kind => RegistryKinds.RegisterModelVersion;

    public override string Name => "register_model_version";

    protected override Outcome Validate(RegisterModelVersionPayload payload)
    {
        if (!SemanticVersion.TryParse(payload.Semver, out _, out var semverProblem))
        {
            return Fail(RegistryErrorCodes.InvalidSemver, semverProblem);
        }

        if (payload.ArtifactHash.IsZero || payload.ArtifactHash == EmptyHash)
        {
            return Fail(RegistryErrorCodes.BadArtifactHash, $"artifact hash {payload.ArtifactHash} names no model; give the SHA-256 of the ONNX file");
        }

        if (payload.ArtifactSize == 0 || payload.ArtifactSize > RegistryLimits.MaxArtifactBytes)
        {
            return Fail(RegistryErrorCodes.InvalidArtifactSize, $"artifact size {payload.ArtifactSize} must be 1..{RegistryLimits.MaxArtifactBytes} bytes");
        }

        var cardBytes = System.Text.Encoding.UTF8.GetByteCount(payload.ModelCard);
        if (cardBytes > RegistryLimits.MaxModelCardBytes)
        {
            return Fail(RegistryErrorCodes.CardTooLarge, $"the model card is {cardBytes} bytes, the limit is {RegistryLimits.MaxModelCardBytes}; link longer documents from it");
        }

        var card = Text("model card", payload.ModelCard, RegistryLimits.MaxModelCardBytes);
        if (!card.IsSuccess)
        {
            return card;
        }

        foreach (var benchmark in payload.Benchmarks)
        {
            if (RegistryText.SlugProblem("benchmark name", benchmark, RegistryLimits.MaxBenchmarkNameBytes) is { } problem)
            {
                return Fail(RegistryErrorCodes.InvalidName, problem);
            }
        }

        return FirstFailure(
            Distinct("parent", payload.Parents),
            Distinct("dataset", payload.Datasets),
            Distinct("contribution", payload.Contributions),
            payload.Benchmarks.Distinct(StringComparer.Ordinal).Count() == payload.Benchmarks.Count
                ? Outcome.Success
                : Fail(RegistryErrorCodes.InvalidReference, "a benchmark is listed twice"));
    }

    protected override Outcome Execute(TransactionContext context, RegisterModelVersionPayload payload)
    {
        var state = context.State;
        var role = RequireRole(context, RegistryRoles.ModelPublisher, "register model versions");
        if (!role.IsSuccess)
        {
            return role;
        }

        var model = RegistryState.GetModel(state, payload.ModelId);
        if (model is null)
        {
            return Fail(RegistryErrorCodes.UnknownModel, $"no model {RegistryIds.Format(payload.ModelId)} is registered; register the model first");
        }

        var owner = RequireOwner(context, model, "register its versions");
        if (!owner.IsSuccess)
        {
            return owner;
        }

        var semver = SemanticVersion.Parse(payload.Semver);
        var id = RegistryIds.Version(model.Id, semver.PrecedenceText);
        if (RegistryState.GetVersion(state, id) is { } existing)
        {
            return Fail(RegistryErrorCodes.DuplicateVersion, $"model '{model.Name}' already has version {existing.Semver} ({RegistryIds.Format(id)}); versions differing only in build metadata are the same version; pick a new version number");
        }

        foreach (var parentId in payload.Parents)
        {
            if (parentId == id)
            {
                return Fail(RegistryErrorCodes.LineageCycle, $"version {payload.Semver} names itself as a parent; lineage must be acyclic");
            }

            var parent = RegistryState.GetVersion(state, parentId);
            if (parent is null)
            {
                return Fail(RegistryErrorCodes.UnknownParent, $"parent {RegistryIds.Format(parentId)} is not a registered version; register parents first");
            }

            if (parent.Revocation is { } revocation)
            {
                return Fail(RegistryErrorCodes.ParentRevoked, $"parent {parent.Semver} ({RegistryIds.Format(parentId)}) was revoked at height {revocation.Height}: {revocation.Reason}");
            }
        }

        foreach (var dataset in payload.Datasets)
        {
            if (RegistryState.GetDataset(state, dataset) is null)
            {
                return Fail(RegistryErrorCodes.UnknownDataset, $"dataset {RegistryIds.Format(dataset)} is not registered; register it first");
            }
        }

        foreach (var benchmark in payload.Benchmarks)
        {
            if (RegistryState.GetBenchmark(state, benchmark) is null)
            {
                return Fail(RegistryErrorCodes.UnknownBenchmark, $"benchmark '{benchmark}' is not registered");
            }
        }

        var points = new SortedDictionary<Address, ulong>();
        foreach (var contributionId in payload.Contributions)
        {
            var contribution = RegistryState.GetContribution(state, contributionId);
            if (contribution is null)
            {
                return Fail(RegistryErrorCodes.UnknownContribution, $"contribution {RegistryIds.Format(contributionId)} is not recorded");
            }

            if (contribution.ModelId != model.Id)
            {
                return Fail(RegistryErrorCodes.ContributionNotForModel, $"contribution {RegistryIds.Format(contributionId)} was made to model {RegistryIds.Format(contribution.ModelId)}, not to '{model.Name}'");
            }

            points[contribution.Contributor] = points.GetValueOrDefault(contribution.Contributor) + contribution.Points;
        }

        var version = new VersionRecord
        {
            Id = id,
            ModelId = model.Id,
            Semver = payload.Semver,
            ArtifactHash = payload.ArtifactHash,
            ArtifactSize = payload.ArtifactSize,
            Parents = payload.Parents,
            Datasets = payload.Datasets,
            Contributions = payload.Contributions,
            HyperparametersHash = payload.HyperparametersHash,
            ModelCardHash = Hash256.Compute(System.Text.Encoding.UTF8.GetBytes(payload.ModelCard)),
            ModelCardBytes = (ulong)System.Text.Encoding.UTF8.GetByteCount(payload.ModelCard),
            Benchmarks = payload.Benchmarks,
            RegisteredHeight = context.Block.Height,
            RegisteredBy = context.Sender,
            RewardShares = [.. points.Select(p => new RewardShare(p.Key, p.Value))],
        };
        RegistryState.PutVersion(state, version);
        RegistryState.Put(state, RegistryState.CardKey(id), new ModelCard(payload.ModelCard));
        RegistryState.AppendId(state, RegistrySpaces.ModelVersions, model.Id.ToArray(), id);
        RegistryState.AppendId(state, RegistrySpaces.ArtifactVersions, payload.ArtifactHash.ToArray(), id);
        foreach (var parent in payload.Parents)
        {
            RegistryState.AppendId(state, RegistrySpaces.Children, parent.ToArray(), id);
        }

        foreach (var dataset in payload.Datasets)
        {
            RegistryState.AppendId(state, RegistrySpaces.DatasetVersions, dataset.ToArray(), id);
        }

        foreach (var contribution in payload.Contributions)
        {
            RegistryState.AppendId(state, RegistrySpaces.ContributionVersions, contribution.ToArray(), id);
        }

        var latest = model.LatestVersion.IsZero || semver > SemanticVersion.Parse(model.LatestSemver);
        RegistryState.PutModel(state, model with
        {
            VersionCount = model.VersionCount + 1,
            LatestVersion = latest ? id : model.LatestVersion,
            LatestSemver = latest ? payload.Semver : model.LatestSemver,
        });
        context.Emit(
            "registry.version_registered",
            ("model", RegistryIds.Format(model.Id)),
            ("version", RegistryIds.Format(id)),
            ("semver", payload.Semver),
            ("artifact", RegistryIds.Format(payload.ArtifactHash)),
            ("parents", payload.Parents.Count.ToString(CultureInfo.InvariantCulture)),
            ("by", context.Sender.ToString()));
        return Outcome.Success;
    }

    private static Outcome Distinct(string what, IReadOnlyList<Hash256> ids) =>
        ids.Distinct().Count() == ids.Count
            ? Outcome.Success
            : Fail(RegistryErrorCodes.InvalidReference, $"a {what} is listed twice");
}
