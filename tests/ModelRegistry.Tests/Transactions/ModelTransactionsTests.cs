using DaiChain.Ledger.Primitives;
using DaiChain.ModelRegistry.Records;
using DaiChain.ModelRegistry.State;
using DaiChain.ModelRegistry.Transactions;
using DaiChain.RegistryTestKit;

namespace DaiChain.ModelRegistry.Tests.Transactions;

public sealed class ModelTransactionsTests
{
    [Fact]
    public void Registering_a_model_stores_it_under_its_derived_id_with_the_creator_among_the_owners()
    {
        var chain = new RegistryChain();
        var receipts = chain.Commit(chain.Tx(Actors.Alice, Samples.Model("resnet-mini", Actors.Bob.Address)));

        var id = Samples.ModelId(Actors.Alice.Address);
        var model = RegistryState.GetModel(chain.Chain.Head.State, id)!;
        Assert.Equal("resnet-mini", model.Name);
        Assert.Equal("Apache-2.0", model.Licence);
        Assert.Equal(new[] { Actors.Alice.Address, Actors.Bob.Address }.Order(), model.Owners);
        Assert.Equal(1UL, model.CreatedHeight);
        Assert.Equal(1UL, AppendList.Count(chain.Chain.Head.State, RegistrySpaces.Models, []));
        var registered = Assert.Single(receipts.Single().Events);
        Assert.Equal("registry.model_registered", registered.Type);
        Assert.Equal(RegistryIds.Format(id), registered["model"]);
    }

    [Fact]
    public void Registering_a_model_needs_the_publisher_role()
    {
        var chain = new RegistryChain();
        chain.Rejects(chain.Tx(Actors.Mallory, Samples.Model()), RegistryErrorCodes.MissingRole, Actors.Mallory);
    }

    [Fact]
    public void A_creator_cannot_reuse_a_model_name_but_another_creator_can()
    {
        var chain = new RegistryChain();
        chain.Commit(chain.Tx(Actors.Alice, Samples.Model()));
        chain.Rejects(chain.Tx(Actors.Alice, Samples.Model()), RegistryErrorCodes.DuplicateModel, Actors.Alice);
        chain.Commit(chain.Tx(Actors.Bob, Samples.Model()));
    }

    [Theory]
    [InlineData("", "image-classification", "MIT", RegistryErrorCodes.InvalidName)]
    [InlineData("bad name", "image-classification", "MIT", RegistryErrorCodes.InvalidName)]
    [InlineData("ok", "Image Classification", "MIT", RegistryErrorCodes.InvalidName)]
    [InlineData("ok", "image-classification", "MIT OR", RegistryErrorCodes.InvalidLicence)]
    [InlineData("ok", "image-classification", "", RegistryErrorCodes.InvalidLicence)]
    public void Invalid_fields_are_refused_before_any_state_is_read(string name, string task, string licence, string code)
    {
        var handler = new RegisterModelHandler();
        var outcome = handler.CheckPayload(Ledger.Encoding.Canonical.Encode(new RegisterModelPayload(name, "d", task, licence, [])));
        Assert.Equal(code, outcome.Code);
    }

    [Fact]
    public void A_description_over_its_bound_does_not_decode()
    {
        var handler = new RegisterModelHandler();
        var payload = Ledger.Encoding.Canonical.Encode(new RegisterModelPayload("ok", "d", "task", "MIT", []));
        var tooLong = new string('x', RegistryLimits.MaxDescriptionBytes + 1);
        Assert.Throws<ArgumentException>(() => Ledger.Encoding.Canonical.Encode(new RegisterModelPayload("ok", tooLong, "task", "MIT", [])));
        Assert.True(handler.CheckPayload(payload).IsSuccess);
    }

    [Fact]
    public void Stage_changes_are_kept_in_history_and_need_an_owner()
    {
        var chain = new RegistryChain();
        var model = Samples.ModelId(Actors.Alice.Address);
        var version = Samples.VersionId(model, "1.0.0");
        chain.Commit(chain.Tx(Actors.Alice, Samples.Model()), chain.Tx(Actors.Alice, Samples.Version(model, "1.0.0")));

        chain.Commit(chain.Tx(Actors.Alice, new SetVersionStagePayload(version, VersionStage.Staging, "canary")));
        chain.Commit(chain.Tx(Actors.Alice, new SetVersionStagePayload(version, VersionStage.Production)));
        chain.Rejects(chain.Tx(Actors.Alice, new SetVersionStagePayload(version, VersionStage.Production)), RegistryErrorCodes.StageUnchanged, Actors.Alice);
        chain.Rejects(chain.Tx(Actors.Bob, new SetVersionStagePayload(version, VersionStage.Archived)), RegistryErrorCodes.NotModelOwner, Actors.Bob);
        chain.Rejects(chain.Tx(Actors.Mallory, new SetVersionStagePayload(version, VersionStage.Archived)), RegistryErrorCodes.MissingRole, Actors.Mallory);
        chain.Rejects(chain.Tx(Actors.Alice, new SetVersionStagePayload(Hash256.Compute("nope"u8), VersionStage.Archived)), RegistryErrorCodes.UnknownVersion, Actors.Alice);
        Assert.Equal(RegistryErrorCodes.InvalidStage, new SetVersionStageHandler().CheckPayload(Ledger.Encoding.Canonical.Encode(new SetVersionStagePayload(version, VersionStage.None))).Code);

        var state = chain.Chain.Head.State;
        Assert.Equal(VersionStage.Production, RegistryState.GetVersion(state, version)!.Stage);
        Assert.Equal(2UL, AppendList.Count(state, RegistrySpaces.StageHistory, version.ToArray()));
        var first = Ledger.Encoding.Canonical.Decode<StageChange>(AppendList.Get(state, RegistrySpaces.StageHistory, version.ToArray(), 0)!);
        Assert.Equal(new StageChange(VersionStage.Staging, 2, Actors.Alice.Address, "canary"), first);
    }

    [Fact]
    public void An_alias_points_at_one_version_of_its_model_and_keeps_its_history()
    {
        var chain = new RegistryChain();
        var model = Samples.ModelId(Actors.Alice.Address);
        var other = Samples.ModelId(Actors.Bob.Address);
        var v1 = Samples.VersionId(model, "1.0.0");
        var v2 = Samples.VersionId(model, "2.0.0");
        chain.Commit(
            chain.Tx(Actors.Alice, Samples.Model()),
            chain.Tx(Actors.Bob, Samples.Model()),
            chain.Tx(Actors.Alice, Samples.Version(model, "1.0.0")),
            chain.Tx(Actors.Alice, Samples.Version(model, "2.0.0", v1)),
            chain.Tx(Actors.Bob, Samples.Version(other, "1.0.0")));

        chain.Commit(chain.Tx(Actors.Alice, new SetAliasPayload(model, "champion", v1)));
        chain.Commit(chain.Tx(Actors.Alice, new SetAliasPayload(model, "champion", v2)));
        chain.Rejects(chain.Tx(Actors.Alice, new SetAliasPayload(model, "champion", v2)), RegistryErrorCodes.AliasUnchanged, Actors.Alice);
        chain.Rejects(chain.Tx(Actors.Alice, new SetAliasPayload(model, "champion", Samples.VersionId(other, "1.0.0"))), RegistryErrorCodes.WrongModel, Actors.Alice);
        chain.Rejects(chain.Tx(Actors.Alice, new SetAliasPayload(model, "Champion!", v1)), RegistryErrorCodes.InvalidName, Actors.Alice);
        chain.Rejects(chain.Tx(Actors.Bob, new SetAliasPayload(model, "champion", v1)), RegistryErrorCodes.NotModelOwner, Actors.Bob);
        chain.Commit(chain.Tx(Actors.Alice, new SetAliasPayload(model, "champion", default)));

        var state = chain.Chain.Head.State;
        var aliasId = RegistryIds.Alias(model, "champion");
        Assert.True(RegistryState.GetAlias(state, aliasId)!.IsCleared);
        Assert.Equal(3UL, AppendList.Count(state, RegistrySpaces.AliasHistory, aliasId.ToArray()));
        Assert.Equal(1UL, AppendList.Count(state, RegistrySpaces.ModelAliases, model.ToArray()));
    }

    [Fact]
    public void Revoking_keeps_the_reason_and_blocks_new_children_stages_and_aliases()
    {
        var chain = new RegistryChain();
        var model = Samples.ModelId(Actors.Alice.Address);
        var v1 = Samples.VersionId(model, "1.0.0");
        chain.Commit(chain.Tx(Actors.Alice, Samples.Model()), chain.Tx(Actors.Alice, Samples.Version(model, "1.0.0")));

        chain.Rejects(chain.Tx(Actors.Alice, new RevokeVersionPayload(v1, "")), RegistryErrorCodes.InvalidText, Actors.Alice);
        chain.Rejects(chain.Tx(Actors.Bob, new RevokeVersionPayload(v1, "mine now")), RegistryErrorCodes.NotModelOwner, Actors.Bob);
        chain.Commit(chain.Tx(Actors.Alice, new RevokeVersionPayload(v1, "trained on data without consent")));
        chain.Rejects(chain.Tx(Actors.Alice, new RevokeVersionPayload(v1, "again")), RegistryErrorCodes.AlreadyRevoked, Actors.Alice);
        chain.Rejects(chain.Tx(Actors.Alice, Samples.Version(model, "1.1.0", v1)), RegistryErrorCodes.ParentRevoked, Actors.Alice);
        chain.Rejects(chain.Tx(Actors.Alice, new SetVersionStagePayload(v1, VersionStage.Production)), RegistryErrorCodes.VersionRevoked, Actors.Alice);
        chain.Rejects(chain.Tx(Actors.Alice, new SetAliasPayload(model, "champion", v1)), RegistryErrorCodes.VersionRevoked, Actors.Alice);

        var revocation = RegistryState.GetVersion(chain.Chain.Head.State, v1)!.Revocation!;
        Assert.Equal("trained on data without consent", revocation.Reason);
        Assert.Equal(Actors.Alice.Address, revocation.By);
    }

    [Fact]
    public void A_long_reason_outside_the_basic_plane_is_kept_whole_and_shortened_in_its_event_without_splitting_a_character()
    {
        var chain = new RegistryChain();
        var model = Samples.ModelId(Actors.Alice.Address);
        var v1 = Samples.VersionId(model, "1.0.0");
        chain.Commit(chain.Tx(Actors.Alice, Samples.Model()), chain.Tx(Actors.Alice, Samples.Version(model, "1.0.0")));
        var reason = "a" + string.Concat(Enumerable.Repeat("\U0001F600", 254));
        var receipt = chain.Commit(chain.Tx(Actors.Alice, new RevokeVersionPayload(v1, reason))).Single();
        Assert.Equal(reason, RegistryState.GetVersion(chain.Chain.Head.State, v1)!.Revocation!.Reason);
        var shortened = receipt.Events.Single()["reason"]!;
        Assert.Equal(255, shortened.Length);
        Assert.StartsWith(shortened, reason, StringComparison.Ordinal);
    }
}
