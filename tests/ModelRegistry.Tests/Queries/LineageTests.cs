using DaiChain.Ledger.Primitives;
using DaiChain.ModelRegistry.Queries;
using DaiChain.ModelRegistry.Transactions;
using DaiChain.RegistryTestKit;

namespace DaiChain.ModelRegistry.Tests.Queries;

/// <summary>Lineage answers on a seeded 1,000-version DAG built through real blocks, compared with a breadth-first search over the generated truth.</summary>
public sealed class LineageTests : IClassFixture<LineageTests.DagFixture>
{
    private readonly DagFixture _fixture;

    public LineageTests(DagFixture fixture) => _fixture = fixture;

    private RegistryDag Dag => _fixture.Dag;

    private RegistryQueries Queries => new(_fixture.Chain.Chain.Head.State, _fixture.Chain.ChainId);

    [Theory]
    [InlineData(999, 1)]
    [InlineData(999, 8)]
    [InlineData(500, 64)]
    [InlineData(10, 64)]
    public void Ancestors_match_a_breadth_first_search_of_the_truth(int index, int depth)
    {
        var lineage = Queries.Lineage(Dag.Versions[index], LineageDirection.Ancestors, depth, RegistryQueries.MaxLineageNodes)!;
        var expected = Dag.AncestorsOf(index, depth);
        var actual = lineage.Nodes.Where(n => n.Relation == "ancestor").ToDictionary(n => Hash256.Parse(n.Id), n => n.Distance);
        Assert.Equal(expected.OrderBy(e => e.Key), actual.OrderBy(e => e.Key));
        Assert.Equal("self", lineage.Nodes[0].Relation);
        Assert.Equal(Dag.AncestorsOf(index, depth + 1).Count > expected.Count, lineage.Truncated);
    }

    [Theory]
    [InlineData(0, 3)]
    [InlineData(990, 64)]
    [InlineData(400, 10)]
    public void Descendants_match_a_breadth_first_search_of_the_truth(int index, int depth)
    {
        var lineage = Queries.Lineage(Dag.Versions[index], LineageDirection.Descendants, depth, RegistryQueries.MaxLineageNodes)!;
        var expected = Dag.DescendantsOf(index, depth);
        var actual = lineage.Nodes.Where(n => n.Relation == "descendant").ToDictionary(n => Hash256.Parse(n.Id), n => n.Distance);
        Assert.Equal(expected.OrderBy(e => e.Key), actual.OrderBy(e => e.Key));
    }

    [Fact]
    public void Every_edge_joins_two_returned_nodes_and_is_a_real_parent_link()
    {
        var lineage = Queries.Lineage(Dag.Versions[700], LineageDirection.Both, 5, RegistryQueries.MaxLineageNodes)!;
        var ids = lineage.Nodes.Select(n => n.Id).ToHashSet();
        var indexOf = Dag.Versions.Select((v, i) => (RegistryIds.Format(v), i)).ToDictionary(x => x.Item1, x => x.i);
        Assert.NotEmpty(lineage.Edges);
        foreach (var edge in lineage.Edges)
        {
            Assert.Contains(edge.Child, ids);
            Assert.Contains(edge.Parent, ids);
            Assert.Contains(Hash256.Parse(edge.Parent), Dag.Parents[indexOf[edge.Child]]);
        }

        Assert.Equal(lineage.Nodes.Count, ids.Count);
    }

    [Fact]
    public void The_node_bound_truncates_and_says_so()
    {
        var lineage = Queries.Lineage(Dag.Versions[0], LineageDirection.Descendants, RegistryQueries.MaxLineageDepth, 50)!;
        Assert.Equal(50, lineage.Nodes.Count);
        Assert.True(lineage.Truncated);
    }

    [Fact]
    public void Unknown_versions_have_no_lineage()
    {
        Assert.Null(Queries.Lineage(Hash256.Compute("x"u8), LineageDirection.Both, 3, 10));
    }

    [Fact]
    public void Revoking_a_version_flags_exactly_its_descendants_as_revoked_upstream()
    {
        var chain = new RegistryChain();
        var dag = RegistryDag.Build(chain, 120, seed: 3, perBlock: 120);
        chain.Commit(chain.Tx(Actors.Alice, new RevokeVersionPayload(dag.Versions[60], "licence withdrawn")));
        var queries = new RegistryQueries(chain.Chain.Head.State, chain.ChainId);
        var descendants = dag.DescendantsOf(60, int.MaxValue).Keys.ToHashSet();
        var everything = queries.Lineage(dag.Versions[119], LineageDirection.Ancestors, RegistryQueries.MaxLineageDepth, RegistryQueries.MaxLineageNodes)!;
        foreach (var node in everything.Nodes)
        {
            var id = Hash256.Parse(node.Id);
            Assert.Equal(descendants.Contains(id), node.RevokedUpstream);
            Assert.Equal(id == dag.Versions[60], node.Revoked);
        }

        var version = queries.GetVersion(dag.Versions[119])!;
        Assert.True(version.Upstream.RevokedUpstream);
        Assert.Equal([RegistryIds.Format(dag.Versions[60])], version.Upstream.RevokedAncestors);
        Assert.True(version.Upstream.Complete);
        Assert.False(queries.GetVersion(dag.Versions[59])!.Upstream.RevokedUpstream);
    }

    public sealed class DagFixture
    {
        public DagFixture()
        {
            Chain = new RegistryChain();
            Dag = RegistryDag.Build(Chain, 1_000, seed: 20_26);
        }

        public RegistryChain Chain { get; }

        public RegistryDag Dag { get; }
    }
}
