using DaiChain.Consensus.Core;
using DaiChain.Consensus.Engine;
using DaiChain.Consensus.Signing;
using DaiChain.ConsensusSim;
using DaiChain.Ledger.Chain;
using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Primitives;
using DaiChain.TestKit;

namespace DaiChain.Consensus.Tests.Engine;

public class WalRecordTests
{
    private const string ChainId = "daichain-test";
    private static readonly Hash256 V = Hash256.Compute([1]);

    public static TheoryData<string> Kinds => [.. Enum.GetNames<WalRecord.Kind>()];

    private static WalRecord Sample(WalRecord.Kind kind)
    {
        var guard = new GuardedSigner(Keys.Validator(0).Signer(), new MemorySignerStateStore(), ChainId);
        var proposal = guard.SignProposal(4, 1, 0, V, 3);
        var vote = Vote.Sign(Keys.Validator(1).Signer(), ChainId, VoteType.Precommit, 4, 1, V, 77, 1);
        var other = Vote.Sign(Keys.Validator(1).Signer(), ChainId, VoteType.Precommit, 4, 1, null, 78, 1);
        return kind switch
        {
            WalRecord.Kind.HeightStarted => new WalRecord.HeightStarted(4, V, [3, -5, 2], 1),
            WalRecord.Kind.Evidence => new WalRecord.Evidence(new DuplicateVoteEvidence(vote, other)),
            WalRecord.Kind.Proposal => new WalRecord.Proposal(proposal, [1, 2, 3], true, false),
            WalRecord.Kind.Vote => new WalRecord.Vote(vote),
            WalRecord.Kind.Timeout => new WalRecord.Timeout(TimeoutKind.Prevote, 4, 6),
            WalRecord.Kind.ValueBuilt => new WalRecord.ValueBuilt(4, 1, V, [9, 9]),
            WalRecord.Kind.OwnProposal => new WalRecord.OwnProposal(proposal),
            WalRecord.Kind.OwnVote => new WalRecord.OwnVote(other),
            WalRecord.Kind.Commit => new WalRecord.Commit([5], CommitCertificate.FromPrecommits(4, 1, V, [vote]), true),
            WalRecord.Kind.Start => new WalRecord.Start(4),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_record_kind_round_trips_byte_for_byte(string kind)
    {
        var record = Sample(Enum.Parse<WalRecord.Kind>(kind));
        var bytes = Canonical.Encode(record);
        var decoded = Canonical.Decode<WalRecord>(bytes);
        Assert.Equal(record.RecordKind, decoded.RecordKind);
        Assert.Equal(bytes, Canonical.Encode(decoded));
    }

    [Fact]
    public void Unknown_kind_and_version_are_rejected()
    {
        Assert.Throws<CodecException>(() => Canonical.Decode<WalRecord>([1, 200]));
        Assert.Throws<CodecException>(() => Canonical.Decode<WalRecord>([2, 10, 0, 0, 0, 0, 0, 0, 0, 1]));
    }
}
