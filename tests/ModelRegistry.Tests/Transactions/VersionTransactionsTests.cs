using DaiChain.Ledger.Primitives;
using DaiChain.ModelRegistry.Records;
using DaiChain.ModelRegistry.State;
using DaiChain.ModelRegistry.Transactions;
using DaiChain.RegistryTestKit;

namespace DaiChain.ModelRegistry.Tests.Transactions;

public sealed class VersionTransactionsTests
{
    private static readonly Hash256 Model = Samples.ModelId(Actors.Alice.Address);

    private static RegistryChain WithModel()
    {
        var chain = new RegistryChain();
        chain.Commit(chain.Tx(Actors.Alice, Samples.Model("resnet-mini", Actors.Bob.Address)));
        return chain;
    }

    [Fact]
    public void A_version_records_its_artifact_lineage_card_and_starts_unevaluated()
    {
        var chain = WithModel();
        var dataset = Samples.Dataset();
        chain.Commit(chain.Tx(Actors.Carol, dataset), chain.Tx(Actors.Curator, Samples.Benchmark(dataset.Hash)));
        var contribution = chain.Tx(Actors.Carol, Samples.Contribution(Model, Actors.Carol.Address, samples: 500, compute: 20));
        chain.Commit(contribution);
        chain.Commit(chain.Tx(Actors.Alice, Samples.Version(Model, "1.0.0")));
        var v1 = Samples.VersionId(Model, "1.0.0");
        chain.Commit(chain.Tx(Actors.Alice, Samples.Version(Model, "1.1.0", v1) with
        {
            Datasets = [dataset.Hash],
            Contributions = [contribution.Hash],
            Benchmarks = ["mnist-accuracy"],
        }));

        var state = chain.Chain.Head.State;
        var v2 = Samples.VersionId(Model, "1.1.0");
        var version = RegistryState.GetVersion(state, v2)!;
        Assert.Equal([v1], version.Parents);
        Assert.Equal(Samples.Artifact("1.1.0"), version.ArtifactHash);
        Assert.Equal(EvaluationState.Unevaluated, version.Evaluation);
        Assert.Empty(version.Evaluations);
        Assert.Equal(["mnist-accuracy"], version.Benchmarks);
        Assert.Equal([new RewardShare(Actors.Carol.Address, 520)], version.RewardShares);
        Assert.Equal("# 1.1.0\nTrained for the registry tests.", RegistryState.GetCard(state, v2)!.Text);
        Assert.Equal([v2], RegistryState.ReadIds(state, RegistrySpaces.Children, v1.ToArray(), 0, 10));
        Assert.Equal([v1, v2], RegistryState.ReadIds(state, RegistrySpaces.ModelVersions, Model.ToArray(), 0, 10));
        var model = RegistryState.GetModel(state, Model)!;
        Assert.Equal(2UL, model.VersionCount);
        Assert.Equal(v2, model.LatestVersion);
    }

    [Fact]
    public void A_co_owner_may_register_versions_and_the_latest_follows_semver_precedence()
    {
        var chain = WithModel();
        chain.Commit(
            chain.Tx(Actors.Bob, Samples.Version(Model, "2.0.0")),
            chain.Tx(Actors.Alice, Samples.Version(Model, "2.0.0-rc.1")),
            chain.Tx(Actors.Alice, Samples.Version(Model, "1.9.9")));
        var model = RegistryState.GetModel(chain.Chain.Head.State, Model)!;
        Assert.Equal("2.0.0", model.LatestSemver);
        Assert.Equal(3UL, model.VersionCount);
    }

    [Fact]
    public void Missing_role_and_non_owners_are_refused()
    {
        var chain = WithModel();
        chain.Rejects(chain.Tx(Actors.Mallory, Samples.Version(Model, "1.0.0")), RegistryErrorCodes.MissingRole, Actors.Mallory);
        chain.Commit(chain.Tx(Actors.Bob, Samples.Model("other")));
        var bobs = Samples.ModelId(Actors.Bob.Address, "other");
        chain.Rejects(chain.Tx(Actors.Alice, Samples.Version(bobs, "1.0.0")), RegistryErrorCodes.NotModelOwner, Actors.Alice);
        chain.Rejects(chain.Tx(Actors.Alice, Samples.Version(Hash256.Compute("ghost"u8), "1.0.0")), RegistryErrorCodes.UnknownModel, Actors.Alice);
    }

    [Fact]
    public void A_semantic_version_is_unique_per_model_build_metadata_aside()
    {
        var chain = WithModel();
        chain.Commit(chain.Tx(Actors.Alice, Samples.Version(Model, "1.0.0+build.1")));
        chain.Rejects(chain.Tx(Actors.Alice, Samples.Version(Model, "1.0.0")), RegistryErrorCodes.DuplicateVersion, Actors.Alice);
        chain.Rejects(chain.Tx(Actors.Alice, Samples.Version(Model, "1.0.0+build.2")), RegistryErrorCodes.DuplicateVersion, Actors.Alice);

        // The same number in another model is another version.
        chain.Commit(chain.Tx(Actors.Bob, Samples.Model()), chain.Tx(Actors.Bob, Samples.Version(Samples.ModelId(Actors.Bob.Address), "1.0.0")));
    }

    [Fact]
    public void Parents_must_exist_and_lineage_cannot_loop()
    {
        var chain = WithModel();
        chain.Rejects(chain.Tx(Actors.Alice, Samples.Version(Model, "1.0.0", Samples.VersionId(Model, "0.9.0"))), RegistryErrorCodes.UnknownParent, Actors.Alice);

        // A version's id derives from (model, semver): naming itself (build metadata or not) is the only cycle a new version could close.
        chain.Rejects(chain.Tx(Actors.Alice, Samples.Version(Model, "1.0.0", Samples.VersionId(Model, "1.0.0"))), RegistryErrorCodes.LineageCycle, Actors.Alice);
        chain.Rejects(chain.Tx(Actors.Alice, Samples.Version(Model, "1.0.0+meta", Samples.VersionId(Model, "1.0.0"))), RegistryErrorCodes.LineageCycle, Actors.Alice);
        Assert.Equal(RegistryErrorCodes.InvalidReference, new RegisterModelVersionHandler().CheckPayload(Ledger.Encoding.Canonical.Encode(Samples.Version(Model, "1.0.0", Hash256.Compute("p"u8), Hash256.Compute("p"u8)))).Code);
        Assert.Null(RegistryState.GetVersion(chain.Chain.Head.State, Samples.VersionId(Model, "1.0.0")));
    }

    [Fact]
    public void A_version_may_derive_from_another_models_version()
    {
        var chain = WithModel();
        var bobs = Samples.ModelId(Actors.Bob.Address, "base");
        chain.Commit(chain.Tx(Actors.Bob, Samples.Model("base")), chain.Tx(Actors.Bob, Samples.Version(bobs, "3.1.0")));
        chain.Commit(chain.Tx(Actors.Alice, Samples.Version(Model, "1.0.0", Samples.VersionId(bobs, "3.1.0"))));
    }

    [Theory]
    [InlineData("1.0", RegistryErrorCodes.InvalidSemver)]
    [InlineData("01.0.0", RegistryErrorCodes.InvalidSemver)]
    [InlineData("v1.0.0", RegistryErrorCodes.InvalidSemver)]
    public void Versions_that_are_not_semver_are_refused(string semver, string code)
    {
        var chain = WithModel();
        chain.Rejects(chain.Tx(Actors.Alice, Samples.Version(Model, semver)), code, Actors.Alice);
    }

    [Fact]
    public void Bad_artifact_hashes_and_sizes_are_refused()
    {
        var chain = WithModel();
        chain.Rejects(chain.Tx(Actors.Alice, Samples.Version(Model, "1.0.0") with { ArtifactHash = Hash256.Zero }), RegistryErrorCodes.BadArtifactHash, Actors.Alice);
        chain.Rejects(chain.Tx(Actors.Alice, Samples.Version(Model, "1.0.0") with { ArtifactHash = Hash256.Compute([]) }), RegistryErrorCodes.BadArtifactHash, Actors.Alice);
        chain.Rejects(chain.Tx(Actors.Alice, Samples.Version(Model, "1.0.0") with { ArtifactSize = 0 }), RegistryErrorCodes.InvalidArtifactSize, Actors.Alice);
        chain.Rejects(chain.Tx(Actors.Alice, Samples.Version(Model, "1.0.0") with { ArtifactSize = RegistryLimits.MaxArtifactBytes + 1 }), RegistryErrorCodes.InvalidArtifactSize, Actors.Alice);
    }

    [Fact]
    public void An_oversize_model_card_is_refused_with_its_own_code()
    {
        var chain = WithModel();
        var card = new string('a', RegistryLimits.MaxModelCardBytes + 1);
        chain.Rejects(chain.Tx(Actors.Alice, Samples.Version(Model, "1.0.0") with { ModelCard = card }), RegistryErrorCodes.CardTooLarge, Actors.Alice);
        chain.Rejects(chain.Tx(Actors.Alice, Samples.Version(Model, "1.0.0") with { ModelCard = "bell\u0007" }), RegistryErrorCodes.InvalidText, Actors.Alice);
        chain.Commit(chain.Tx(Actors.Alice, Samples.Version(Model, "1.0.0") with { ModelCard = new string('a', RegistryLimits.MaxModelCardBytes) }));
    }

    [Fact]
    public void Datasets_benchmarks_and_contributions_must_exist_and_belong()
    {
        var chain = WithModel();
        chain.Commit(chain.Tx(Actors.Bob, Samples.Model("other")));
        var foreign = chain.Tx(Actors.Bob, Samples.Contribution(Samples.ModelId(Actors.Bob.Address, "other"), Actors.Bob.Address));
        chain.Commit(foreign);

        chain.Rejects(chain.Tx(Actors.Alice, Samples.Version(Model, "1.0.0") with { Datasets = [Hash256.Compute("x"u8)] }), RegistryErrorCodes.UnknownDataset, Actors.Alice);
        chain.Rejects(chain.Tx(Actors.Alice, Samples.Version(Model, "1.0.0") with { Benchmarks = ["nope"] }), RegistryErrorCodes.UnknownBenchmark, Actors.Alice);
        chain.Rejects(chain.Tx(Actors.Alice, Samples.Version(Model, "1.0.0") with { Contributions = [Hash256.Compute("c"u8)] }), RegistryErrorCodes.UnknownContribution, Actors.Alice);
        chain.Rejects(chain.Tx(Actors.Alice, Samples.Version(Model, "1.0.0") with { Contributions = [foreign.Hash] }), RegistryErrorCodes.ContributionNotForModel, Actors.Alice);
    }
}
