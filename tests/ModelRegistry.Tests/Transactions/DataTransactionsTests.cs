using DaiChain.Ledger.Primitives;
using DaiChain.ModelRegistry.Evaluation;
using DaiChain.ModelRegistry.Records;
using DaiChain.ModelRegistry.State;
using DaiChain.ModelRegistry.Transactions;
using DaiChain.RegistryTestKit;

namespace DaiChain.ModelRegistry.Tests.Transactions;

public sealed class DataTransactionsTests
{
    [Fact]
    public void A_dataset_is_registered_once_under_its_hash_by_a_data_provider()
    {
        var chain = new RegistryChain();
        var dataset = Samples.Dataset("faces", DatasetVisibility.Private);
        chain.Commit(chain.Tx(Actors.Carol, dataset));
        chain.Rejects(chain.Tx(Actors.Carol, dataset with { Name = "faces-again" }), RegistryErrorCodes.DuplicateDataset, Actors.Carol);
        chain.Rejects(chain.Tx(Actors.Alice, Samples.Dataset("other")), RegistryErrorCodes.MissingRole, Actors.Alice);
        chain.Rejects(chain.Tx(Actors.Carol, Samples.Dataset("zero") with { Hash = Hash256.Zero }), RegistryErrorCodes.BadArtifactHash, Actors.Carol);
        chain.Rejects(chain.Tx(Actors.Carol, Samples.Dataset("empty") with { SizeBytes = 0 }), RegistryErrorCodes.InvalidArtifactSize, Actors.Carol);
        chain.Rejects(chain.Tx(Actors.Carol, Samples.Dataset("bad name!")), RegistryErrorCodes.InvalidName, Actors.Carol);
        chain.Rejects(chain.Tx(Actors.Carol, Samples.Dataset("lic") with { Licence = "MIT AND" }), RegistryErrorCodes.InvalidLicence, Actors.Carol);

        var record = RegistryState.GetDataset(chain.Chain.Head.State, dataset.Hash)!;
        Assert.Equal(Actors.Carol.Address, record.Owner);
        Assert.Equal(DatasetVisibility.Private, record.Visibility);
        Assert.Equal(1UL, AppendList.Count(chain.Chain.Head.State, RegistrySpaces.Datasets, []));
    }

    [Fact]
    public void Benchmarks_are_governance_gated_unique_and_on_a_registered_dataset()
    {
        var chain = new RegistryChain();
        var dataset = Samples.Dataset();
        chain.Commit(chain.Tx(Actors.Carol, dataset));
        chain.Rejects(chain.Tx(Actors.Alice, Samples.Benchmark(dataset.Hash)), RegistryErrorCodes.MissingRole, Actors.Alice);
        chain.Rejects(chain.Tx(Actors.Curator, Samples.Benchmark(Hash256.Compute("elsewhere"u8))), RegistryErrorCodes.UnknownDataset, Actors.Curator);
        chain.Commit(chain.Tx(Actors.Curator, Samples.Benchmark(dataset.Hash)));
        chain.Rejects(chain.Tx(Actors.Curator, Samples.Benchmark(dataset.Hash)), RegistryErrorCodes.DuplicateBenchmark, Actors.Curator);

        // An inconsistent definition does not even decode (the evaluator's own checks); a definition without data is the registry's refusal.
        var regression = Samples.Benchmark(dataset.Hash, "bad") with { Definition = Samples.Benchmark(dataset.Hash).Definition with { Metric = BenchmarkMetric.MeanSquaredError } };
        chain.Rejects(chain.Tx(Actors.Curator, regression), Ledger.Transactions.ErrorCodes.MalformedPayload, Actors.Curator);
        var threshold = Samples.Benchmark(dataset.Hash, "bad") with { Definition = Samples.Benchmark(dataset.Hash).Definition with { Threshold = 10_001 } };
        chain.Rejects(chain.Tx(Actors.Curator, threshold), Ledger.Transactions.ErrorCodes.MalformedPayload, Actors.Curator);
        var nowhere = Samples.Benchmark(dataset.Hash, "bad") with { Definition = Samples.Benchmark(dataset.Hash).Definition with { DatasetHash = Hash256.Zero } };
        chain.Rejects(chain.Tx(Actors.Curator, nowhere), RegistryErrorCodes.InvalidBenchmark, Actors.Curator);

        var record = RegistryState.GetBenchmark(chain.Chain.Head.State, "mnist-accuracy")!;
        Assert.Equal(9_000, record.Definition.Threshold);
        Assert.Equal(dataset.Hash, record.Definition.DatasetHash);
    }

    [Fact]
    public void A_governance_grant_of_benchmark_curator_lets_an_account_register_benchmarks()
    {
        var chain = new RegistryChain();
        var dataset = Samples.Dataset();
        chain.Commit(chain.Tx(Actors.Carol, dataset));
        chain.Rejects(chain.Tx(Actors.Carol, Samples.Benchmark(dataset.Hash)), RegistryErrorCodes.MissingRole, Actors.Carol);

        var grant = new Ledger.Governance.GrantRoleAction(Actors.Carol.Address, RegistryRoles.BenchmarkCurator);
        chain.Commit(chain.Sign(TestKit.Keys.Validator(0), n => new Ledger.Transactions.Transaction(chain.ChainId, n, Ledger.Transactions.TransactionKinds.Propose, Ledger.Encoding.Canonical.Encode(new Ledger.Governance.ProposePayload(grant, "carol curates")))));
        chain.Commit(
            chain.Sign(TestKit.Keys.Validator(1), n => new Ledger.Transactions.Transaction(chain.ChainId, n, Ledger.Transactions.TransactionKinds.VoteOnProposal, Ledger.Encoding.Canonical.Encode(new Ledger.Governance.VoteOnProposalPayload(1, true)))),
            chain.Sign(TestKit.Keys.Validator(2), n => new Ledger.Transactions.Transaction(chain.ChainId, n, Ledger.Transactions.TransactionKinds.VoteOnProposal, Ledger.Encoding.Canonical.Encode(new Ledger.Governance.VoteOnProposalPayload(1, true)))));
        chain.Commit(chain.Tx(Actors.Carol, Samples.Benchmark(dataset.Hash)));
    }

    [Fact]
    public void Contributions_to_a_model_are_by_contributors_or_attested_by_an_owner()
    {
        var chain = new RegistryChain();
        var model = Samples.ModelId(Actors.Alice.Address);
        chain.Commit(chain.Tx(Actors.Alice, Samples.Model()));
        var own = chain.Tx(Actors.Carol, Samples.Contribution(model, Actors.Carol.Address));
        chain.Commit(own);
        chain.Rejects(chain.Tx(Actors.Carol, Samples.Contribution(model, Actors.Bob.Address)), RegistryErrorCodes.NotModelOwner, Actors.Carol);
        chain.Rejects(chain.Tx(Actors.Mallory, Samples.Contribution(model, Actors.Mallory.Address)), RegistryErrorCodes.MissingRole, Actors.Mallory);
        chain.Rejects(chain.Tx(Actors.Carol, Samples.Contribution(Hash256.Compute("none"u8), Actors.Carol.Address)), RegistryErrorCodes.UnknownModel, Actors.Carol);
        chain.Rejects(chain.Tx(Actors.Carol, Samples.Contribution(model, Actors.Carol.Address, samples: 0, compute: 0)), RegistryErrorCodes.InvalidContribution, Actors.Carol);
        chain.Rejects(chain.Tx(Actors.Carol, Samples.Contribution(model, Actors.Carol.Address, samples: RegistryLimits.MaxContributionAmount + 1)), RegistryErrorCodes.InvalidContribution, Actors.Carol);

        var record = RegistryState.GetContribution(chain.Chain.Head.State, own.Hash)!;
        Assert.Equal(Actors.Carol.Address, record.Contributor);
        Assert.Equal(model, record.ModelId);
        Assert.Equal([own.Hash], RegistryState.ReadIds(chain.Chain.Head.State, RegistrySpaces.ContributorContributions, Actors.Carol.Address.ToArray(), 0, 10));
    }

    [Fact]
    public void A_federated_round_takes_its_participants_contributions_until_the_deadline_and_closes_with_a_version_citing_them_all()
    {
        var chain = new RegistryChain();
        var model = Samples.ModelId(Actors.Alice.Address);
        chain.Commit(chain.Tx(Actors.Alice, Samples.Model()));
        var participants = new[] { Actors.Carol.Address, Actors.Mallory.Address }.Order().ToArray();
        chain.Rejects(chain.Tx(Actors.Alice, new OpenRoundPayload(model, participants, chain.Height + 1)), RegistryErrorCodes.InvalidRound, Actors.Alice);
        chain.Rejects(chain.Tx(Actors.Bob, new OpenRoundPayload(model, participants, chain.Height + 10)), RegistryErrorCodes.NotModelOwner, Actors.Bob);
        var open = chain.Tx(Actors.Alice, new OpenRoundPayload(model, participants, chain.Height + 4, "round 1"));
        chain.Commit(open);
        var round = open.Hash;

        // Participants need no role; outsiders are refused even with one.
        var fromMallory = chain.Tx(Actors.Mallory, Samples.Contribution(round, Actors.Mallory.Address, kind: ContributionTarget.Round));
        var fromCarol = chain.Tx(Actors.Carol, Samples.Contribution(round, Actors.Carol.Address, kind: ContributionTarget.Round));
        chain.Commit(fromMallory, fromCarol);
        chain.Rejects(chain.Tx(Actors.Bob, Samples.Contribution(round, Actors.Bob.Address, kind: ContributionTarget.Round)), RegistryErrorCodes.NotRoundParticipant, Actors.Bob);
        chain.Rejects(chain.Tx(Actors.Carol, Samples.Contribution(round, Actors.Mallory.Address, kind: ContributionTarget.Round)), RegistryErrorCodes.NotRoundParticipant, Actors.Carol);
        chain.AdvanceTo(chain.Height + 3);
        chain.Rejects(chain.Tx(Actors.Carol, Samples.Contribution(round, Actors.Carol.Address, kind: ContributionTarget.Round)), RegistryErrorCodes.RoundDeadlinePassed, Actors.Carol);

        chain.Commit(chain.Tx(Actors.Alice, Samples.Version(model, "2.0.0") with { Contributions = [fromCarol.Hash] }));
        chain.Rejects(chain.Tx(Actors.Alice, new CloseRoundPayload(round, Samples.VersionId(model, "2.0.0"))), RegistryErrorCodes.RoundIncomplete, Actors.Alice);
        chain.Commit(chain.Tx(Actors.Alice, Samples.Version(model, "2.1.0") with { Contributions = [fromCarol.Hash, fromMallory.Hash] }));
        chain.Commit(chain.Tx(Actors.Alice, new CloseRoundPayload(round, Samples.VersionId(model, "2.1.0"))));
        chain.Rejects(chain.Tx(Actors.Alice, new CloseRoundPayload(round, Samples.VersionId(model, "2.1.0"))), RegistryErrorCodes.RoundClosed, Actors.Alice);
        chain.Rejects(chain.Tx(Actors.Alice, new CloseRoundPayload(Hash256.Compute("r"u8), Samples.VersionId(model, "2.1.0"))), RegistryErrorCodes.UnknownRound, Actors.Alice);

        var state = chain.Chain.Head.State;
        var record = RegistryState.GetRound(state, round)!;
        Assert.Equal(RoundStatus.Closed, record.Status);
        Assert.Equal(2UL, record.ContributionCount);
        Assert.Equal(Samples.VersionId(model, "2.1.0"), record.AggregatedVersion);
        Assert.Equal(round, RegistryState.GetVersion(state, Samples.VersionId(model, "2.1.0"))!.ClosedRound);
        Assert.Equal(RegistryErrorCodes.InvalidRound, new OpenRoundHandler().CheckPayload(Ledger.Encoding.Canonical.Encode(new OpenRoundPayload(model, [], 10))).Code);
    }
}
