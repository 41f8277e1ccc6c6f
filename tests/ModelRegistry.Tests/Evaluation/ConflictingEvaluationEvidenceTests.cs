using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Primitives;
using DaiChain.ModelRegistry.Evaluation;
using DaiChain.ModelRegistry.Tests.Transactions;
using DaiChain.TestKit;

namespace DaiChain.ModelRegistry.Tests.Evaluation;

/// <summary>Two different signed results from one validator for one (artifact, benchmark) prove it signed something false.</summary>
public sealed class ConflictingEvaluationEvidenceTests
{
    private const string ChainId = "daichain-test";
    private static readonly Hash256 Artifact = Hash256.Compute("model"u8);
    private static readonly Hash256 Dataset = Hash256.Compute("data"u8);

    private static SignedEvaluation Signed(long correct, int validator = 0, string benchmark = "cancer", string chainId = ChainId) =>
        SignedEvaluation.Sign(EvaluationStatement.Of(chainId, benchmark, RecordEvaluationTests.Accuracy(Artifact, Dataset, correct, 9_000)), Keys.Validator(validator));

    [Fact]
    public void Two_different_results_signed_by_one_validator_verify_with_its_public_key_alone()
    {
        var evidence = ConflictingEvaluationEvidence.Of(Signed(164), Signed(150));
        Assert.True(evidence.Verify(Keys.Validator(0).PublicKey).IsSuccess);
        Assert.Equal(ConflictingEvaluationEvidence.InvalidCode, evidence.Verify(Keys.Validator(1).PublicKey).Code);
    }

    [Fact]
    public void Evidence_round_trips_canonically_and_in_one_order()
    {
        var a = Signed(164);
        var b = Signed(150);
        var evidence = ConflictingEvaluationEvidence.Of(a, b);
        Assert.Equal(evidence, ConflictingEvaluationEvidence.Of(b, a));
        var bytes = Canonical.Encode(evidence);
        var decoded = Canonical.Decode<ConflictingEvaluationEvidence>(bytes);
        Assert.Equal(bytes, Canonical.Encode(decoded));
        Assert.True(decoded.Verify(Keys.Validator(0).PublicKey).IsSuccess);
        Assert.Equal(ConflictingEvaluationEvidence.InvalidCode, new ConflictingEvaluationEvidence(evidence.Second, evidence.First).Verify(Keys.Validator(0).PublicKey).Code);
    }

    [Fact]
    public void The_same_result_twice_or_different_evaluations_prove_nothing()
    {
        var key = Keys.Validator(0).PublicKey;
        Assert.False(ConflictingEvaluationEvidence.Of(Signed(164), Signed(164)).Verify(key).IsSuccess);
        Assert.False(ConflictingEvaluationEvidence.Of(Signed(164), Signed(150, benchmark: "other")).Verify(key).IsSuccess);
        Assert.False(ConflictingEvaluationEvidence.Of(Signed(164), Signed(150, chainId: "daichain-other")).Verify(key).IsSuccess);
        Assert.False(ConflictingEvaluationEvidence.Of(Signed(164), Signed(150, validator: 1)).Verify(key).IsSuccess);
    }

    [Fact]
    public void A_statement_signed_on_one_chain_does_not_verify_on_another()
    {
        var signed = Signed(164);
        Assert.True(signed.IsSignedBy(Keys.Validator(0).PublicKey));
        var moved = signed with { Statement = signed.Statement with { ChainId = "daichain-other" } };
        Assert.False(moved.IsSignedBy(Keys.Validator(0).PublicKey));
    }
}
