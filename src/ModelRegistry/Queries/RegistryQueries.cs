using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Primitives;
using DaiChain.Ledger.State;
using DaiChain.ModelRegistry.Records;
using DaiChain.ModelRegistry.State;

namespace DaiChain.ModelRegistry.Queries;

/// <summary>
/// Read-only queries over the registry's state at one height: records, pages of lists, lineage walks and
/// revocation status. One instance serves one request (it caches the versions it decodes).
/// </summary>
/// <remarks>
/// Every answer is bounded: pages by <see cref="PageRequest.MaxLimit"/>, lineage by depth and node count, and the
/// ancestor walk behind "revoked upstream" by <see cref="MaxAncestorWalk"/> versions (beyond it the answer says it
/// is incomplete rather than guessing).
/// </remarks>
public sealed class RegistryQueries
{
    /// <summary>Most versions one revocation walk visits.</summary>
    public const int MaxAncestorWalk = 20_000;

    public const int MaxLineageDepth = 64;
    public const int MaxLineageNodes = 2_000;
    public const int MaxListedRevokedAncestors = 16;
    public const int MaxListedAliases = 32;

    private readonly Dictionary<Hash256, VersionRecord?> _versions = [];
    private readonly Dictionary<Hash256, bool> _revokedUpstream = [];

    public RegistryQueries(IStateReader state, string chainId)
    {
        State = state;
        ChainId = chainId;
    }

    public IStateReader State { get; }

    public string ChainId { get; }

    public ModelRecord? FindModel(Hash256 id) => RegistryState.GetModel(State, id);

    public VersionRecord? FindVersion(Hash256 id)
    {
        if (!_versions.TryGetValue(id, out var version))
        {
            version = RegistryState.GetVersion(State, id);
            _versions[id] = version;
        }

        return version;
    }

    public ModelView? GetModel(Hash256 id)
    {
        var model = FindModel(id);
        if (model is null)
        {
            return null;
        }

        var aliases = new List<AliasView>();
        foreach (var aliasId in RegistryState.ReadIds(State, RegistrySpaces.ModelAliases, id.ToArray(), 0, MaxListedAliases))
        {
            var alias = RegistryState.GetAlias(State, aliasId)!;
            aliases.Add(new AliasView(alias.Alias, RegistryViews.OptionalId(alias.VersionId), alias.Height, alias.By.ToString()));
        }

        return new ModelView(
            RegistryViews.Id(model.Id),
            model.Name,
            model.Creator.ToString(),
            model.Description,
            model.TaskType,
            model.Licence,
            [.. model.Owners.Select(o => o.ToString())],
            model.CreatedHeight,
            model.VersionCount,
            RegistryViews.OptionalId(model.LatestVersion),
            model.LatestVersion.IsZero ? null : model.LatestSemver,
            aliases);
    }

    public Page<ModelSummaryView> ListModels(PageRequest page) =>
        PageOfIds(RegistrySpaces.Models, [], page, id => RegistryViews.Summary(FindModel(id)!));

    /// <summary>The version with its lineage status; null when unknown.</summary>
    public VersionView? GetVersion(Hash256 id, bool includeCard = true)
    {
        var version = FindVersion(id);
        if (version is null)
        {
            return null;
        }

        var model = FindModel(version.ModelId)!;
        var card = includeCard ? RegistryState.GetCard(State, id)?.Text : null;
        return new VersionView(
            RegistryViews.Id(version.Id),
            RegistryViews.Id(version.ModelId),
            model.Name,
            version.Semver,
            new ArtifactRefView(RegistryViews.Id(version.ArtifactHash), version.ArtifactSize),
            [.. version.Parents.Select(RegistryViews.Id)],
            [.. version.Datasets.Select(RegistryViews.Id)],
            [.. version.Contributions.Select(RegistryViews.Id)],
            RegistryViews.OptionalId(version.HyperparametersHash),
            RegistryViews.Id(version.ModelCardHash),
            version.ModelCardBytes,
            card,
            version.RegisteredHeight,
            version.RegisteredBy.ToString(),
            RegistryViews.Word(version.Stage),
            version.StageHeight,
            RegistryViews.OptionalId(version.ClosedRound),
            version.Revocation is { } r ? new RevocationView(r.Reason, r.Height, r.By.ToString()) : null,
            Upstream(version),
            RegistryViews.Evaluation(version),
            RegistryViews.Usage(RegistryState.GetUsage(State, id)),
            AppendList.Count(State, RegistrySpaces.Children, id.ToArray()));
    }

    /// <summary>A model's versions in registration order; null when the model is unknown.</summary>
    public Page<VersionSummaryView>? ListVersions(Hash256 modelId, PageRequest page) =>
        FindModel(modelId) is null ? null : PageOfIds(RegistrySpaces.ModelVersions, modelId.ToArray(), page, id => RegistryViews.Summary(FindVersion(id)!));

    /// <summary>The version an alias of a model points at, if any.</summary>
    public Hash256? ResolveAlias(Hash256 modelId, string alias)
    {
        var record = RegistryState.GetAlias(State, RegistryIds.Alias(modelId, alias));
        return record is null || record.IsCleared ? null : record.VersionId;
    }

    /// <summary>Breadth-first lineage around <paramref name="id"/>; null when the version is unknown.</summary>
    public LineageView? Lineage(Hash256 id, LineageDirection direction, int depth, int maxNodes)
    {
        depth = Math.Clamp(depth, 0, MaxLineageDepth);
        maxNodes = Math.Clamp(maxNodes, 1, MaxLineageNodes);
        var root = FindVersion(id);
        if (root is null)
        {
            return null;
        }

        var nodes = new List<LineageNodeView> { Node(root, "self", 0) };
        var edges = new List<LineageEdgeView>();
        var truncated = false;
        if (direction is LineageDirection.Ancestors or LineageDirection.Both)
        {
            truncated |= Walk(root, depth, maxNodes, nodes, edges, ancestors: true);
        }

        if (direction is LineageDirection.Descendants or LineageDirection.Both)
        {
            truncated |= Walk(root, depth, maxNodes, nodes, edges, ancestors: false);
        }

        return new LineageView(RegistryViews.Id(id), RegistryViews.Word(direction), depth, nodes, edges, truncated);
    }

    /// <summary>Whether any ancestor of <paramref name="version"/> is revoked, listing the first ones found (nearest first).</summary>
    public UpstreamView Upstream(VersionRecord version)
    {
        var seen = new HashSet<Hash256> { version.Id };
        var queue = new Queue<Hash256>(version.Parents);
        foreach (var parent in version.Parents)
        {
            seen.Add(parent);
        }

        var revoked = new List<string>();
        var walked = 0UL;
        var any = false;
        while (queue.Count > 0)
        {
            if (walked >= MaxAncestorWalk)
            {
                return new UpstreamView(any, revoked, walked, Complete: false);
            }

            var ancestor = FindVersion(queue.Dequeue());
            walked++;
            if (ancestor is null)
            {
                continue;
            }

            if (ancestor.IsRevoked)
            {
                any = true;
                if (revoked.Count < MaxListedRevokedAncestors)
                {
                    revoked.Add(RegistryViews.Id(ancestor.Id));
                }
            }

            foreach (var parent in ancestor.Parents)
            {
                if (seen.Add(parent))
                {
                    queue.Enqueue(parent);
                }
            }
        }

        return new UpstreamView(any, revoked, walked, Complete: true);
    }

    /// <summary>
    /// Whether some ancestor of the version is revoked, memoized across calls on this instance (so a whole lineage
    /// answer costs one pass over the ancestry); null when the walk budget ran out.
    /// </summary>
    public bool? IsRevokedUpstream(Hash256 id)
    {
        if (_revokedUpstream.TryGetValue(id, out var known))
        {
            return known;
        }

        var budget = MaxAncestorWalk;
        var stack = new Stack<Hash256>();
        stack.Push(id);
        while (stack.Count > 0)
        {
            var current = stack.Peek();
            if (_revokedUpstream.ContainsKey(current))
            {
                stack.Pop();
                continue;
            }

            var record = FindVersion(current);
            if (record is null)
            {
                _revokedUpstream[current] = false;
                stack.Pop();
                continue;
            }

            var result = false;
            var pending = false;
            foreach (var parentId in record.Parents)
            {
                var parent = FindVersion(parentId);
                if (parent is null)
                {
                    continue;
                }

                if (parent.IsRevoked || (_revokedUpstream.TryGetValue(parentId, out var parentUpstream) && parentUpstream))
                {
                    result = true;
                    break;
                }

                if (!_revokedUpstream.ContainsKey(parentId))
                {
                    if (--budget < 0)
                    {
                        return null;
                    }

                    stack.Push(parentId);
                    pending = true;
                }
            }

            if (result)
            {
                // Parents pushed above it are still computed (and memoized) before it is popped again.
                _revokedUpstream[current] = true;
            }
            else if (!pending)
            {
                _revokedUpstream[current] = false;
                stack.Pop();
            }
        }

        return _revokedUpstream[id];
    }

    /// <summary>A page of contributions; null when the filtered record is unknown.</summary>
    public Page<ContributionView>? Contributions(ContributionFilter filter, ReadOnlySpan<byte> key, PageRequest page)
    {
        switch (filter)
        {
            case ContributionFilter.Version:
                var version = FindVersion(new Hash256(key));
                if (version is null)
                {
                    return null;
                }

                var items = version.Contributions.Skip((int)Math.Min(page.Start, int.MaxValue)).Take(page.Limit)
                    .Select(c => RegistryViews.Contribution(RegistryState.GetContribution(State, c)!)).ToList();
                var total = (ulong)version.Contributions.Count;
                return new Page<ContributionView>(items, PageRequest.CursorAfter(page.Start + (ulong)items.Count, total), total);
            case ContributionFilter.Model when FindModel(new Hash256(key)) is null:
            case ContributionFilter.Round when RegistryState.GetRound(State, new Hash256(key)) is null:
                return null;
            default:
                var space = filter switch
                {
                    ContributionFilter.Model => RegistrySpaces.ModelContributions,
                    ContributionFilter.Round => RegistrySpaces.RoundContributions,
                    _ => RegistrySpaces.ContributorContributions,
                };
                return PageOfIds(space, key, page, id => RegistryViews.Contribution(RegistryState.GetContribution(State, id)!));
        }
    }

    /// <summary>A version's inference batches in recording order; null when the version is unknown.</summary>
    public Page<BatchView>? Batches(Hash256 versionId, PageRequest page) =>
        FindVersion(versionId) is null ? null : PageOfIds(RegistrySpaces.VersionBatches, versionId.ToArray(), page, id => RegistryViews.Batch(RegistryState.GetBatch(State, id)!, ChainId));

    public IReadOnlyList<StageChangeView> StageHistory(Hash256 versionId, int limit)
    {
        var count = AppendList.Count(State, RegistrySpaces.StageHistory, versionId.ToArray());
        var result = new List<StageChangeView>();
        for (var i = 0UL; i < count && result.Count < limit; i++)
        {
            result.Add(RegistryViews.StageChange(Canonical.Decode<StageChange>(AppendList.Get(State, RegistrySpaces.StageHistory, versionId.ToArray(), i)!)));
        }

        return result;
    }

    /// <summary>The versions that name an artifact (first <paramref name="limit"/>) and how many do.</summary>
    public (IReadOnlyList<string> Versions, ulong Total) VersionsNaming(Hash256 artifact, int limit)
    {
        var total = AppendList.Count(State, RegistrySpaces.ArtifactVersions, artifact.ToArray());
        var ids = RegistryState.ReadIds(State, RegistrySpaces.ArtifactVersions, artifact.ToArray(), 0, limit);
        return ([.. ids.Select(RegistryViews.Id)], total);
    }

    public DatasetView? GetDataset(Hash256 hash) => RegistryState.GetDataset(State, hash) is { } d ? RegistryViews.Dataset(d) : null;

    public BenchmarkView? GetBenchmark(string name) => RegistryState.GetBenchmark(State, name) is { } b ? RegistryViews.Benchmark(b) : null;

    public RoundView? GetRound(Hash256 id) => RegistryState.GetRound(State, id) is { } r ? RegistryViews.Round(r) : null;

    public BatchView? GetBatch(Hash256 id) => RegistryState.GetBatch(State, id) is { } b ? RegistryViews.Batch(b, ChainId) : null;

    private LineageNodeView Node(VersionRecord version, string relation, int distance) => new(
        RegistryViews.Id(version.Id),
        RegistryViews.Id(version.ModelId),
        version.Semver,
        relation,
        distance,
        [.. version.Parents.Select(RegistryViews.Id)],
        version.IsRevoked,
        IsRevokedUpstream(version.Id) ?? false);

    /// <summary>Adds the ancestors or descendants of <paramref name="root"/>; true when a bound cut the walk short.</summary>
    private bool Walk(VersionRecord root, int depth, int maxNodes, List<LineageNodeView> nodes, List<LineageEdgeView> edges, bool ancestors)
    {
        var seen = new HashSet<Hash256> { root.Id };
        var frontier = new List<VersionRecord> { root };
        for (var generation = 1; frontier.Count > 0; generation++)
        {
            var next = new List<VersionRecord>();
            foreach (var current in frontier)
            {
                var neighbours = ancestors ? current.Parents : RegistryState.ReadIds(State, RegistrySpaces.Children, current.Id.ToArray(), 0, maxNodes + 1);
                foreach (var neighbourId in neighbours)
                {
                    var child = ancestors ? current.Id : neighbourId;
                    var parent = ancestors ? neighbourId : current.Id;
                    if (seen.Contains(neighbourId))
                    {
                        edges.Add(new LineageEdgeView(RegistryViews.Id(child), RegistryViews.Id(parent)));
                        continue;
                    }

                    if (generation > depth || nodes.Count >= maxNodes)
                    {
                        return true;
                    }

                    var neighbour = FindVersion(neighbourId);
                    if (neighbour is null)
                    {
                        continue;
                    }

                    seen.Add(neighbourId);
                    nodes.Add(Node(neighbour, ancestors ? "ancestor" : "descendant", generation));
                    edges.Add(new LineageEdgeView(RegistryViews.Id(child), RegistryViews.Id(parent)));
                    next.Add(neighbour);
                }
            }

            frontier = next;
        }

        return false;
    }

    private Page<T> PageOfIds<T>(string space, ReadOnlySpan<byte> owner, PageRequest page, Func<Hash256, T> view)
    {
        var total = AppendList.Count(State, space, owner);
        var ids = RegistryState.ReadIds(State, space, owner, page.Start, page.Limit);
        var items = ids.Select(view).ToList();
        return new Page<T>(items, PageRequest.CursorAfter(page.Start + (ulong)items.Count, total), total);
    }
}
