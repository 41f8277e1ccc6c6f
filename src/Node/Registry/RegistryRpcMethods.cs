using System.Text.Json.Nodes;
using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Primitives;
using DaiChain.ModelRegistry;
using DaiChain.ModelRegistry.Artifacts;
using DaiChain.ModelRegistry.Inference;
using DaiChain.ModelRegistry.Queries;
using DaiChain.ModelRegistry.State;
using DaiChain.ModelRegistry.Validation;
using DaiChain.Node.Rpc;
using DaiChain.Node.Rpc.Schema;

namespace DaiChain.Node.Registry;

/// <summary>
/// The registry's read methods (<c>registry_*</c>, <c>artifact_info</c>) over the node's committed state and
/// artifact store (docs/spec/registry.md, docs/spec/rpc.md). Every answer is bounded: pages of at most 200, lineage
/// of at most 2,000 nodes and 64 generations, reports of at most 256 ancestors.
/// </summary>
public sealed class RegistryRpcMethods
{
    private const string IdPattern = "^0x[0-9a-fA-F]{64}$";

    private readonly IRegistryStateSource _source;
    private readonly ArtifactStore? _artifacts;

    private RegistryRpcMethods(IRegistryStateSource source, ArtifactStore? artifacts)
    {
        _source = source;
        _artifacts = artifacts;
    }

    /// <summary>Adds every registry method to <paramref name="registry"/>. Without an artifact store, artifacts and receipt files read as not held.</summary>
    public static void Register(RpcMethodRegistry registry, IRegistryStateSource source, ArtifactStore? artifacts)
    {
        var methods = new RegistryRpcMethods(source, artifacts);
        foreach (var method in methods.Create())
        {
            registry.Add(method);
        }
    }

    private static JsonObject Id(string what) => RpcSchema.String(pattern: IdPattern, description: what + ", as 0x and 64 hex digits.");

    private static JsonObject Cursor() => RpcSchema.String(maxLength: 20, description: "nextCursor of the previous page.");

    private static JsonObject Limit(int max) => RpcSchema.Integer(1, max, $"Items per page (default {PageRequest.DefaultLimit}, at most {max}).");

    private static RpcMethodBuilder NotFound(RpcMethodBuilder builder) =>
        builder.Error(RegistryRpcErrors.NotFound, RegistryRpcErrors.NotFoundReason, "No such record; data.kind says which (model, version, alias, dataset, benchmark, round, batch).");

    private IEnumerable<RpcMethod> Create()
    {
        yield return NotFound(RpcMethod.Read("registry_getModel", "Returns a model: owners, licence, version count, latest version, aliases."))
            .Param("model", Id("The model id"), "The model.")
            .Handle(RegistryJson.Default.ModelParams, RegistryJson.Default.ModelView, (p, _) =>
                ValueTask.FromResult(Queries().GetModel(ParseId("model", p.Model)) ?? throw RegistryRpcErrors.Missing("model", p.Model, "")));

        yield return RpcMethod.Read("registry_listModels", "Lists models in registration order, a page at a time.")
            .OptionalParam("cursor", Cursor(), "Where the page starts.")
            .OptionalParam("limit", Limit(PageRequest.MaxLimit), "Page size.")
            .Handle(RegistryJson.Default.ListParams, RegistryJson.Default.PageModelSummaryView, (p, _) =>
                ValueTask.FromResult(Queries().ListModels(Page(p.Cursor, p.Limit))));

        yield return NotFound(RpcMethod.Read("registry_getVersion", "Returns a model version: artifact, lineage, card, stage, revocation and revoked-upstream status, evaluation, inference volume."))
            .WithDescription("Give `version`, or `model` with `semver` or `alias`.")
            .OptionalParam("version", Id("The version id"), "The version.")
            .OptionalParam("model", Id("The model id"), "The model, with semver or alias.")
            .OptionalParam("semver", RpcSchema.String(1, RegistryLimits.MaxSemverBytes), "A semantic version of the model.")
            .OptionalParam("alias", RpcSchema.String(1, RegistryLimits.MaxAliasBytes), "An alias of the model (champion).")
            .OptionalParam("includeCard", RpcSchema.Boolean("Include the model card text (default true)."), "Include the card.")
            .Handle(RegistryJson.Default.VersionParams, RegistryJson.Default.VersionView, (p, _) => ValueTask.FromResult(GetVersion(p)));

        yield return NotFound(RpcMethod.Read("registry_listVersions", "Lists a model's versions in registration order, a page at a time."))
            .Param("model", Id("The model id"), "The model.")
            .OptionalParam("cursor", Cursor(), "Where the page starts.")
            .OptionalParam("limit", Limit(PageRequest.MaxLimit), "Page size.")
            .Handle(RegistryJson.Default.ListVersionsParams, RegistryJson.Default.PageVersionSummaryView, (p, _) =>
                ValueTask.FromResult(Queries().ListVersions(ParseId("model", p.Model), Page(p.Cursor, p.Limit)) ?? throw RegistryRpcErrors.Missing("model", p.Model, "")));

        yield return NotFound(RpcMethod.Read("registry_lineage", "Returns the ancestors and/or descendants of a version, breadth first, depth- and size-bounded."))
            .Param("version", Id("The version id"), "Where the walk starts.")
            .OptionalParam("direction", RpcSchema.Enum("ancestors", "descendants", "both"), "Which way to walk (default both).")
            .OptionalParam("depth", RpcSchema.Integer(1, RegistryQueries.MaxLineageDepth, "Generations to walk (default 8)."), "Depth bound.")
            .OptionalParam("limit", RpcSchema.Integer(1, RegistryQueries.MaxLineageNodes, "Most versions returned (default 500)."), "Size bound.")
            .Handle(RegistryJson.Default.LineageParams, RegistryJson.Default.LineageView, (p, _) =>
            {
                var direction = p.Direction switch
                {
                    "ancestors" => LineageDirection.Ancestors,
                    "descendants" => LineageDirection.Descendants,
                    _ => LineageDirection.Both,
                };
                return ValueTask.FromResult(Queries().Lineage(ParseId("version", p.Version), direction, p.Depth ?? 8, p.Limit ?? 500)
                    ?? throw RegistryRpcErrors.Missing("version", p.Version, ""));
            });

        yield return NotFound(RpcMethod.Read("registry_getContributions", "Lists training contributions to a model, cited by a version, credited to an account, or of a round."))
            .WithDescription("Give exactly one of `model`, `version`, `contributor`, `round`.")
            .OptionalParam("model", Id("A model id"), "Contributions to this model and its rounds.")
            .OptionalParam("version", Id("A version id"), "Contributions this version cites.")
            .OptionalParam("contributor", RpcSchema.Address("An account, as 0x and 40 hex digits."), "Contributions credited to this account.")
            .OptionalParam("round", Id("A round id"), "Contributions of this federated round.")
            .OptionalParam("cursor", Cursor(), "Where the page starts.")
            .OptionalParam("limit", Limit(PageRequest.MaxLimit), "Page size.")
            .Handle(RegistryJson.Default.ContributionsParams, RegistryJson.Default.PageContributionView, (p, _) => ValueTask.FromResult(GetContributions(p)));

        yield return NotFound(RpcMethod.Read("registry_getReceipts", "Lists a version's inference batches (count, Merkle root, provider, receipts file) in recording order."))
            .Param("version", Id("The version id"), "The version.")
            .OptionalParam("cursor", Cursor(), "Where the page starts.")
            .OptionalParam("limit", Limit(PageRequest.MaxLimit), "Page size.")
            .Handle(RegistryJson.Default.ReceiptsParams, RegistryJson.Default.PageBatchView, (p, _) =>
                ValueTask.FromResult(Queries().Batches(ParseId("version", p.Version), Page(p.Cursor, p.Limit)) ?? throw RegistryRpcErrors.Missing("version", p.Version, "")));

        yield return NotFound(RpcMethod.Read("registry_getReceiptProof", "Returns one receipt of a batch with its Merkle proof against the batch's recorded root."))
            .WithDescription("Needs the receipts file in this node's artifact store (the provider deposits it with `daichain receipts submit`); single receipts are on chain.")
            .Param("batch", Id("The batch id (the recording transaction's hash)"), "The batch.")
            .Param("index", RpcSchema.Integer(0, RegistryLimits.MaxReceiptsPerBatch - 1, "The receipt's position in the batch."), "The receipt.")
            .Error(RegistryRpcErrors.ReceiptsNotHeld, RegistryRpcErrors.ReceiptsNotHeldReason, "This node does not hold the batch's receipts file.")
            .Error(RegistryRpcErrors.ReceiptsMismatch, RegistryRpcErrors.ReceiptsMismatchReason, "The held receipts file does not match the batch's count and root.")
            .Error(RegistryRpcErrors.ReceiptOutOfRange, RegistryRpcErrors.ReceiptOutOfRangeReason, "The index is beyond the batch.")
            .Handle(RegistryJson.Default.ReceiptProofParams, RegistryJson.Default.ReceiptProofView, (p, context) => ProveReceiptAsync(p, context.CancellationToken));

        yield return NotFound(RpcMethod.Read("registry_provenanceReport", "Returns every fact about a version in one document, each with a state proof against a committed header."))
            .WithDescription("Version, artifact, card, parents and ancestors, datasets, contributions, benchmarks and evaluations, stage history, closed round and inference volume; `facts` carry the values and proofs (docs/spec/registry.md, \"Provenance report\").")
            .Param("version", Id("The version id"), "The version.")
            .OptionalParam("height", RpcSchema.Integer(1, null, "A committed height (default: the head)."), "Which committed state to prove against.")
            .Error(RegistryRpcErrors.HeightUnavailable, RegistryRpcErrors.HeightUnavailableReason, "No committed state at that height on this node.")
            .Handle(RegistryJson.Default.ReportParams, RegistryJson.Default.ProvenanceReportView, (p, _) => ValueTask.FromResult(Report(p)));

        yield return NotFound(RpcMethod.Read("registry_getDataset", "Returns a registered dataset."))
            .Param("dataset", Id("The dataset's SHA-256"), "The dataset.")
            .Handle(RegistryJson.Default.DatasetParams, RegistryJson.Default.DatasetView, (p, _) =>
                ValueTask.FromResult(Queries().GetDataset(ParseId("dataset", p.Dataset)) ?? throw RegistryRpcErrors.Missing("dataset", p.Dataset, "")));

        yield return NotFound(RpcMethod.Read("registry_getBenchmark", "Returns a registered benchmark and its definition."))
            .Param("name", RpcSchema.String(1, RegistryLimits.MaxBenchmarkNameBytes), "The benchmark's name.")
            .Handle(RegistryJson.Default.BenchmarkParams, RegistryJson.Default.BenchmarkView, (p, _) =>
                ValueTask.FromResult(Queries().GetBenchmark(p.Name) ?? throw RegistryRpcErrors.Missing("benchmark", p.Name, "")));

        yield return NotFound(RpcMethod.Read("registry_getRound", "Returns a federated training round."))
            .Param("round", Id("The round id"), "The round.")
            .Handle(RegistryJson.Default.RoundParams, RegistryJson.Default.RoundView, (p, _) =>
                ValueTask.FromResult(Queries().GetRound(ParseId("round", p.Round)) ?? throw RegistryRpcErrors.Missing("round", p.Round, "")));

        yield return RpcMethod.Read("artifact_info", "Says whether this node holds an artifact (held, not_held, erased) and which versions name it.")
            .Param("hash", Id("The artifact's SHA-256"), "The artifact.")
            .Handle(RegistryJson.Default.ArtifactParams, RegistryJson.Default.ArtifactInfoView, (p, _) =>
            {
                var hash = ParseId("hash", p.Hash);
                var (versions, total) = Queries().VersionsNaming(hash, 50);
                return ValueTask.FromResult(new ArtifactInfoView(Holding(hash), versions, total));
            });
    }

    private RegistryQueries Queries() => new(_source.Latest().State, _source.ChainId);

    private VersionView GetVersion(VersionParams p)
    {
        var queries = Queries();
        Hash256 id;
        if (p.Version is not null)
        {
            if (p.Model is not null || p.Semver is not null || p.Alias is not null)
            {
                throw RpcException.InvalidParams("version", "give either version, or model with semver or alias, not both");
            }

            id = ParseId("version", p.Version);
        }
        else
        {
            if (p.Model is null || (p.Semver is null) == (p.Alias is null))
            {
                throw RpcException.InvalidParams(p.Model is null ? "model" : "semver", "give version, or model with exactly one of semver and alias");
            }

            var model = ParseId("model", p.Model);
            if (queries.FindModel(model) is null)
            {
                throw RegistryRpcErrors.Missing("model", p.Model, "");
            }

            if (p.Semver is not null)
            {
                if (!SemanticVersion.TryParse(p.Semver, out var semver, out var problem))
                {
                    throw RpcException.InvalidParams("semver", problem);
                }

                id = RegistryIds.Version(model, semver.PrecedenceText);
            }
            else
            {
                id = queries.ResolveAlias(model, p.Alias!) ?? throw RegistryRpcErrors.Missing("alias", p.Alias!, $" for model {p.Model} (or it was cleared)");
            }
        }

        return queries.GetVersion(id, p.IncludeCard ?? true) ?? throw RegistryRpcErrors.Missing("version", RegistryIds.Format(id), "");
    }

    private Page<ContributionView> GetContributions(ContributionsParams p)
    {
        var given = new[] { p.Model, p.Version, p.Contributor, p.Round }.Count(x => x is not null);
        if (given != 1)
        {
            throw RpcException.InvalidParams("model", "give exactly one of model, version, contributor and round");
        }

        var page = Page(p.Cursor, p.Limit);
        var queries = Queries();
        if (p.Contributor is not null)
        {
            return queries.Contributions(ContributionFilter.Contributor, Address.Parse(p.Contributor).ToArray(), page)!;
        }

        var (filter, kind, text) = p.Model is not null ? (ContributionFilter.Model, "model", p.Model)
            : p.Version is not null ? (ContributionFilter.Version, "version", p.Version)
            : (ContributionFilter.Round, "round", p.Round!);
        return queries.Contributions(filter, ParseId(kind, text).ToArray(), page) ?? throw RegistryRpcErrors.Missing(kind, text, "");
    }

    private async ValueTask<ReceiptProofView> ProveReceiptAsync(ReceiptProofParams p, CancellationToken cancellationToken)
    {
        var queries = Queries();
        var id = ParseId("batch", p.Batch);
        var record = RegistryState.GetBatch(queries.State, id) ?? throw RegistryRpcErrors.Missing("batch", p.Batch, "");
        var view = RegistryViews.Batch(record, _source.ChainId);
        if ((ulong)p.Index >= record.ReceiptCount)
        {
            throw new RpcException(RegistryRpcErrors.ReceiptOutOfRange, RegistryRpcErrors.ReceiptOutOfRangeReason, $"batch {p.Batch} holds {record.ReceiptCount} receipts; index {p.Index} is beyond it");
        }

        ReceiptProof proof;
        if (record.Receipt is { } single)
        {
            proof = new ReceiptProof(single, 0, 1, []);
        }
        else
        {
            // Read only what a file of this many receipts can be: the record names the file by hash alone, and a larger
            // artifact under that name would otherwise be loaded whole for each call.
            var held = record.ReceiptsArtifact.IsZero || _artifacts is null ? null : _artifacts.GetInfo(record.ReceiptsArtifact);
            if (held is { State: ArtifactState.Held } && held.SizeBytes > ReceiptBatch.MaxEncodedBytes(record.ReceiptCount))
            {
                throw Mismatch(p.Batch, $"it is {held.SizeBytes} bytes, more than a file of {record.ReceiptCount} receipts can be ({ReceiptBatch.MaxEncodedBytes(record.ReceiptCount)})");
            }

            var bytes = held is { State: ArtifactState.Held } ? await _artifacts!.ReadAllAsync(record.ReceiptsArtifact, cancellationToken).ConfigureAwait(false) : null;
            if (bytes is null)
            {
                throw new RpcException(RegistryRpcErrors.ReceiptsNotHeld, RegistryRpcErrors.ReceiptsNotHeldReason, record.ReceiptsArtifact.IsZero
                    ? $"the provider of batch {p.Batch} did not deposit its receipts file; ask the provider for the receipt and its proof"
                    : $"this node does not hold receipts file {RegistryIds.Format(record.ReceiptsArtifact)}; ask a node that does, or the provider");
            }

            ReceiptBatch batch;
            try
            {
                batch = Canonical.Decode<ReceiptBatch>(bytes);
            }
            catch (CodecException e)
            {
                throw Mismatch(p.Batch, $"it does not decode ({e.Message})");
            }

            if ((ulong)batch.Count != record.ReceiptCount || batch.VersionId != record.VersionId || batch.Provider != record.Provider || batch.Root() != record.ReceiptsRoot)
            {
                throw Mismatch(p.Batch, "its version, provider, count or Merkle root differ from the batch record");
            }

            proof = batch.Prove(p.Index);
        }

        return new ReceiptProofView(
            view,
            RegistryViews.Receipt(proof.Receipt, _source.ChainId),
            proof.Index,
            proof.Count,
            [.. proof.Path.Select(RegistryViews.Id)],
            RegistryViews.Id(record.ReceiptsRoot),
            proof.Verify(record.ReceiptsRoot));
    }

    private ProvenanceReportView Report(ReportParams p)
    {
        var id = ParseId("version", p.Version);
        var committed = _source.Committed(p.Height is { } h ? (ulong)h : null) ?? throw RegistryRpcErrors.NoHeight(p.Height is { } x ? (ulong)x : null, _source.Latest().Height);
        var report = new ProvenanceReportBuilder(committed).Build(id) ?? throw RegistryRpcErrors.Missing("version", p.Version, $" at height {committed.Height}");
        return report with { LocalArtifact = Holding(Hash256.Parse(report.Version.Artifact.Hash)) };
    }

    private ArtifactHoldingView Holding(Hash256 hash)
    {
        var info = _artifacts?.GetInfo(hash) ?? new ArtifactInfo(hash, ArtifactState.NotHeld, 0, null, null);
        var state = info.State switch
        {
            ArtifactState.Held => "held",
            ArtifactState.Erased => "erased",
            _ => "not_held",
        };
        return new ArtifactHoldingView(RegistryViews.Id(hash), state, info.SizeBytes, info.ErasureReason, info.ErasedAt?.ToUnixTimeMilliseconds());
    }

    private static RpcException Mismatch(string batch, string problem) =>
        new(RegistryRpcErrors.ReceiptsMismatch, RegistryRpcErrors.ReceiptsMismatchReason, $"the receipts file held for batch {batch} cannot be used: {problem}");

    private static Hash256 ParseId(string param, string text) =>
        Hash256.TryParse(text, out var id) ? id : throw RpcException.InvalidParams(param, "expected 0x and 64 hex digits");

    private static PageRequest Page(string? cursor, int? limit) =>
        PageRequest.TryCreate(cursor, limit, out var page, out var problem) ? page : throw RpcException.InvalidParams(cursor is null ? "limit" : "cursor", problem!);
}
