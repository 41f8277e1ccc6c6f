using DaiChain.Consensus.Messages;
using DaiChain.Consensus.Signing;
using DaiChain.ConsensusSim;
using DaiChain.Ledger.Chain;
using DaiChain.Ledger.Crypto;
using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Primitives;
using DaiChain.TestKit;

namespace DaiChain.Consensus.Tests.Messages;

public class ConsensusMessageTests
{
    private const string ChainId = "daichain-test";
    private static readonly Hash256 V = Hash256.Compute([1]);

    private static GuardedSigner Guard(int key) => new(Keys.Validator(key).Signer(), new MemorySignerStateStore(), ChainId);

    private static ConsensusMessage RoundTrip(ConsensusMessage message) => Canonical.Decode<ConsensusMessage>(Canonical.Encode(message));

    [Fact]
    public void Proposal_round_trips_with_its_block()
    {
        var proposal = Guard(0).SignProposal(3, 2, 1, V, 5);
        var decoded = Assert.IsType<ProposalMessage>(RoundTrip(new ProposalMessage(proposal, [7, 7, 7])));
        Assert.True(decoded.Proposal.SameContent(proposal));
        Assert.Equal(proposal.Signature, decoded.Proposal.Signature);
        Assert.Equal([7, 7, 7], decoded.Block);
    }

    [Fact]
    public void Vote_commit_and_evidence_round_trip()
    {
        var a = Guard(1).SignVote(VoteType.Precommit, 3, 0, V, 100, 1);
        var b = Vote.Sign(Keys.Validator(1).Signer(), ChainId, VoteType.Precommit, 3, 0, null, 100, 1);
        var c = Guard(2).SignVote(VoteType.Precommit, 3, 0, V, 101, 2);

        var vote = Assert.IsType<VoteMessage>(RoundTrip(new VoteMessage(a)));
        Assert.Equal(Canonical.Encode(a), Canonical.Encode(vote.Vote));

        var certificate = CommitCertificate.FromPrecommits(3, 0, V, [a, c]);
        var commit = Assert.IsType<CommitMessage>(RoundTrip(new CommitMessage([1, 2], certificate)));
        Assert.Equal(certificate.Hash, commit.Certificate.Hash);

        var evidence = new DuplicateVoteEvidence(a, b);
        Assert.Equal(evidence.Hash, Assert.IsType<EvidenceMessage>(RoundTrip(new EvidenceMessage(evidence))).Evidence.Hash);
    }

    [Fact]
    public void Proposal_signature_is_domain_separated_from_votes()
    {
        var proposalDigest = ProposalSignBytes.Digest(ChainId, 3, 0, -1, V);
        var voteDigest = VoteSignBytes.Digest(ChainId, VoteType.Prevote, 3, 0, V, 0);
        Assert.NotEqual(proposalDigest, voteDigest);
        Assert.Equal(SignBytes.Digest(SigningDomain.Proposal, ChainId, ProposalSignBytes.Encode(3, 0, -1, V)), proposalDigest);
        Assert.NotEqual(proposalDigest, ProposalSignBytes.Digest("another-chain", 3, 0, -1, V));
        Assert.NotEqual(proposalDigest, ProposalSignBytes.Digest(ChainId, 3, 0, 0, V));
    }

    [Fact]
    public void Decoding_rejects_a_valid_round_not_below_the_round_and_trailing_bytes()
    {
        var proposal = Guard(0).SignProposal(3, 2, 1, V, 5);
        var bytes = Canonical.Encode<ConsensusMessage>(new ProposalMessage(proposal, []));

        // valid round + 1 is the u32 after version (1), kind (1), proposal version (1), height (8) and round (4).
        var tampered = (byte[])bytes.Clone();
        tampered[2 + 1 + 8 + 4 + 3] = 3;
        Assert.Throws<CodecException>(() => Canonical.Decode<ConsensusMessage>(tampered));
        Assert.Throws<CodecException>(() => Canonical.Decode<ConsensusMessage>([.. bytes, 0]));
        Assert.Throws<CodecException>(() => Canonical.Decode<ConsensusMessage>([1, 9]));
    }
}
