using DaiChain.Ledger.Chain;
using DaiChain.Ledger.Crypto;
using DaiChain.Ledger.Primitives;
using DaiChain.Ledger.Staking;
using DaiChain.ModelRegistry.Evaluation;
using DaiChain.ModelRegistry.Transactions;
using DaiChain.RegistryTestKit;
using DaiChain.TestKit;

namespace DaiChain.ModelRegistry.Tests.Transactions;

/// <summary>ReportConflictingEvaluation (kind 113): two different signed results of one evaluation cost the validator what a double vote does.</summary>
public sealed class ReportConflictingEvaluationTests
{
    private const int Guilty = 1;
    private static readonly Hash256 Artifact = Hash256.Compute("model"u8);
    private static readonly Hash256 Dataset = Hash256.Compute("data"u8);

    /// <summary>Four validators of power 100, so a 5 % slash takes a visible 5 and jailing one leaves the chain live.</summary>
    private static RegistryChain NewChain()
    {
        var chain = new RegistryChain(g => g.WithValidators(4, power: 100));
        chain.AdvanceTo(2);
        return chain;
    }

    private static SignedEvaluation Signed(string chainId, long correct, int validator = Guilty, string benchmark = "mnist-accuracy") =>
        SignedEvaluation.Sign(EvaluationStatement.Of(chainId, benchmark, RecordEvaluationTests.Accuracy(Artifact, Dataset, correct, 9_000)), Keys.Validator(validator));

    private static ReportConflictingEvaluationPayload Report(SignedEvaluation a, SignedEvaluation b) => new(ConflictingEvaluationEvidence.Of(a, b));

    private static ValidatorRecord RecordOf(RegistryChain chain, int validator) => StakingState.GetRecord(chain.Chain.Head.State, Keys.Validator(validator).Address)!;

    [Fact]
    public void A_report_slashes_and_jails_the_signer_exactly_as_a_duplicate_vote_does()
    {
        var reported = NewChain();
        var voted = NewChain();
        var before = RecordOf(reported, Guilty);

        var receipts = reported.Commit(reported.Tx(Actors.Alice, Report(Signed(reported.ChainId, 164), Signed(reported.ChainId, 150))));

        var set = voted.Chain.Store.GetValidatorSet(1)!;
        set.TryGetIndex(Keys.Validator(Guilty).Address, out var index);
        var signer = Keys.Validator(Guilty).Signer();
        var equivocation = new DuplicateVoteEvidence(
            Vote.Sign(signer, voted.ChainId, VoteType.Prevote, 1, 0, Hash256.Compute("a"u8), 1_000, index),
            Vote.Sign(signer, voted.ChainId, VoteType.Prevote, 1, 0, Hash256.Compute("b"u8), 1_000, index));
        voted.Chain.CommitNext([], [equivocation]);

        var punished = RecordOf(reported, Guilty);
        Assert.Equal(RecordOf(voted, Guilty), punished);
        Assert.True(punished.Jailed);
        Assert.Equal(95UL, punished.Granted);
        Assert.Equal(before with { Granted = 95, Jailed = true }, punished);
        Assert.Equal(RecordOf(voted, 0), RecordOf(reported, 0));
        Assert.Null(reported.Chain.Store.GetValidatorSet(reported.Height + 2)!.Find(Keys.Validator(Guilty).Address));

        var reportEvent = Assert.Single(receipts[0].Events);
        Assert.Equal("registry.evaluation_equivocation", reportEvent.Type);
        Assert.Equal(Keys.Validator(Guilty).Address.ToString(), reportEvent["validator"]);
        Assert.Equal("jailed", reportEvent["punishment"]);
        Assert.Equal("5", reportEvent["granted_slashed"]);
    }

    [Fact]
    public void Evaluations_stating_the_same_result_are_rejected_as_agreeing()
    {
        var chain = NewChain();
        RejectedWithoutEffect(chain, Report(Signed(chain.ChainId, 164), Signed(chain.ChainId, 164)), RegistryErrorCodes.EvaluationsAgree);
    }

    [Fact]
    public void Evaluations_of_different_benchmarks_are_rejected_as_not_comparable()
    {
        var chain = NewChain();
        RejectedWithoutEffect(chain, Report(Signed(chain.ChainId, 164), Signed(chain.ChainId, 150, benchmark: "mnist-strict")), RegistryErrorCodes.EvaluationsNotComparable);
    }

    [Fact]
    public void Evidence_out_of_canonical_order_is_rejected()
    {
        var chain = NewChain();
        var ordered = ConflictingEvaluationEvidence.Of(Signed(chain.ChainId, 164), Signed(chain.ChainId, 150));
        RejectedWithoutEffect(chain, new(new ConflictingEvaluationEvidence(ordered.Second, ordered.First)), RegistryErrorCodes.EvidenceNotCanonical);
    }

    [Fact]
    public void A_signature_that_does_not_cover_its_statement_is_rejected()
    {
        var chain = NewChain();
        var honest = Signed(chain.ChainId, 164);
        var signed = Signed(chain.ChainId, 150);
        var tampered = signed with { Statement = signed.Statement with { ResultHash = Hash256.Compute("another result"u8) } };
        RejectedWithoutEffect(chain, Report(honest, tampered), RegistryErrorCodes.BadEvaluationSignature);
        RejectedWithoutEffect(chain, Report(honest, Signed(chain.ChainId, 150, validator: 2)), RegistryErrorCodes.BadEvaluationSignature);
    }

    [Fact]
    public void Evaluations_signed_by_a_key_that_is_no_validator_are_rejected()
    {
        var chain = NewChain();
        RejectedWithoutEffect(chain, Report(Signed(chain.ChainId, 164, validator: 9), Signed(chain.ChainId, 150, validator: 9)), RegistryErrorCodes.UnknownValidator);
    }

    [Fact]
    public void Evaluations_signed_for_another_chain_are_rejected()
    {
        var chain = NewChain();
        RejectedWithoutEffect(chain, Report(Signed("daichain-other", 164), Signed("daichain-other", 150)), RegistryErrorCodes.EvidenceWrongChain);
    }

    [Fact]
    public void One_validator_is_punished_once_per_artifact_and_benchmark()
    {
        var chain = NewChain();
        chain.Commit(chain.Tx(Actors.Alice, Report(Signed(chain.ChainId, 164), Signed(chain.ChainId, 150))));
        var punished = RecordOf(chain, Guilty);

        RejectedWithoutEffect(chain, Report(Signed(chain.ChainId, 164), Signed(chain.ChainId, 120)), RegistryErrorCodes.EvaluationAlreadyReported, Actors.Bob);
        Assert.Equal(punished, RecordOf(chain, Guilty));

        // Another benchmark is another misbehaviour.
        chain.Commit(chain.Tx(Actors.Bob, Report(Signed(chain.ChainId, 164, benchmark: "mnist-strict"), Signed(chain.ChainId, 150, benchmark: "mnist-strict"))));
        Assert.Equal(punished.Granted - (punished.Granted * 500 / 10_000), RecordOf(chain, Guilty).Granted);
    }

    /// <summary>Asserts the rejection's code and that the state root moved only by the sender's nonce (see <see cref="RegistryChain.Rejects"/>).</summary>
    private static void RejectedWithoutEffect(RegistryChain chain, ReportConflictingEvaluationPayload payload, string code, PrivateKey? sender = null)
    {
        sender ??= Actors.Alice;
        var records = Enumerable.Range(0, 4).Select(i => RecordOf(chain, i)).ToList();
        chain.Rejects(chain.Tx(sender, payload), code, sender);
        Assert.Equal(records, Enumerable.Range(0, 4).Select(i => RecordOf(chain, i)));
    }
}
