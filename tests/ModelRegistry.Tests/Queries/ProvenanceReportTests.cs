using DaiChain.Ledger.Primitives;
using DaiChain.ModelRegistry.Queries;
using DaiChain.RegistryTestKit;

namespace DaiChain.ModelRegistry.Tests.Queries;

public sealed class ProvenanceReportTests
{
    private static (ProvenanceScenario Scenario, ProvenanceReportView Report) Report()
    {
        var scenario = ProvenanceScenario.Build();
        var committed = ChainStoreCommittedState.AtHead(scenario.Chain.Chain.Store)!;
        return (scenario, new ProvenanceReportBuilder(committed).Build(scenario.V2)!);
    }

    [Fact]
    public void A_report_states_every_fact_of_a_version_and_each_fact_verifies_against_the_header()
    {
        var (scenario, report) = Report();
        var header = scenario.Chain.Chain.Store.GetHeader(scenario.Chain.Height)!;

        Assert.Equal(ProvenanceReportBuilder.Format, report.Format);
        Assert.Equal(header.Height, report.Height);
        Assert.Equal(RegistryIds.Format(header.StateRoot), report.StateRoot);
        Assert.Equal(RegistryIds.Format(header.Hash()), report.BlockHash);
        Assert.Equal("1.1.0", report.Version.Semver);
        Assert.Equal("resnet-mini", report.Model.Name);
        Assert.Equal([RegistryIds.Format(scenario.V1)], report.Parents.Select(p => p.Id));
        Assert.True(report.AncestorsComplete);
        Assert.Single(report.Datasets);
        Assert.Equal(2, report.Contributions.Count);
        Assert.Equal("mnist-accuracy", Assert.Single(report.Benchmarks).Name);
        Assert.Equal("unevaluated", report.Version.Evaluation.Status);
        Assert.Equal("production", Assert.Single(report.StageHistory).Stage);
        Assert.Equal(26UL, report.Inference.Receipts);
        Assert.Equal(2UL, report.Inference.Batches);
        Assert.StartsWith("# 1.1.0", report.Version.ModelCard);

        var facts = report.Facts.Select(f => f.Fact).ToList();
        foreach (var expected in new[] { "version", "model", "model_card", "usage", "dataset", "contribution", "benchmark", "ancestor", "stage_history", "stage_history.count" })
        {
            Assert.Contains(expected, facts);
        }

        Assert.Empty(ProvenanceVerifier.Verify(report));
    }

    [Fact]
    public void Tampering_with_a_value_a_proof_a_view_or_the_root_is_detected()
    {
        var (_, report) = Report();
        var version = report.Facts.Single(f => f.Fact == "version");
        var value = Hex.Decode(version.Value);
        value[^1] ^= 1;
        var forgedValue = report with { Facts = [.. report.Facts.Select(f => f == version ? f with { Value = "0x" + Hex.Encode(value) } : f)] };
        Assert.NotEmpty(ProvenanceVerifier.Verify(forgedValue));

        var proof = Hex.Decode(version.Proof);
        proof[^1] ^= 1;
        var forgedProof = report with { Facts = [.. report.Facts.Select(f => f == version ? f with { Proof = "0x" + Hex.Encode(proof) } : f)] };
        Assert.NotEmpty(ProvenanceVerifier.Verify(forgedProof));

        var forgedView = report with { Version = report.Version with { Artifact = report.Version.Artifact with { Hash = RegistryIds.Format(Hash256.Compute("other model"u8)) } } };
        Assert.Contains(ProvenanceVerifier.Verify(forgedView), p => p.Contains("differs", StringComparison.Ordinal));

        var forgedCard = report with { Version = report.Version with { ModelCard = "# a nicer story" } };
        Assert.NotEmpty(ProvenanceVerifier.Verify(forgedCard));

        var forgedRoot = report with { StateRoot = RegistryIds.Format(Hash256.Compute("root"u8)) };
        Assert.Equal(report.Facts.Count, ProvenanceVerifier.Verify(forgedRoot).Count - 1);

        var movedKey = report with { Facts = [.. report.Facts.Select(f => f == version ? f with { Space = "reg.model" } : f)] };
        Assert.NotEmpty(ProvenanceVerifier.Verify(movedKey));
    }

    [Fact]
    public void A_report_on_an_unknown_version_is_null_and_revoked_ancestors_are_reported_with_proofs()
    {
        var scenario = ProvenanceScenario.Build();
        var chain = scenario.Chain;
        chain.Commit(chain.Tx(Actors.Alice, new ModelRegistry.Transactions.RevokeVersionPayload(scenario.V1, "base model licence withdrawn")));
        var committed = ChainStoreCommittedState.AtHead(chain.Chain.Store)!;
        var builder = new ProvenanceReportBuilder(committed);
        Assert.Null(builder.Build(Hash256.Compute("nothing"u8)));

        var report = builder.Build(scenario.V2)!;
        Assert.True(report.Version.Upstream.RevokedUpstream);
        Assert.True(Assert.Single(report.Ancestors).Revoked);
        Assert.Contains(report.Facts, f => f.Fact == "ancestor" && f.Id == RegistryIds.Format(scenario.V1));
        Assert.Empty(ProvenanceVerifier.Verify(report));
    }

    [Fact]
    public void Reports_are_built_against_an_older_committed_height_too()
    {
        var scenario = ProvenanceScenario.Build();
        var store = scenario.Chain.Chain.Store;
        var earlier = ChainStoreCommittedState.At(store, store.Height - 2)!;
        var report = new ProvenanceReportBuilder(earlier).Build(scenario.V2)!;
        Assert.Equal(store.Height - 2, report.Height);
        Assert.Equal(0UL, report.Inference.Receipts);
        Assert.Empty(ProvenanceVerifier.Verify(report));
        Assert.Null(ChainStoreCommittedState.At(store, 0));
    }
}
