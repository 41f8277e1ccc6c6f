using DaiChain.Consensus.Engine;
using DaiChain.Consensus.Messages;
using DaiChain.Ledger.Crypto;

namespace DaiChain.ConsensusSim.Byzantine;

/// <summary>
/// Wraps a node's transport: each fresh proposal its engine makes (up to <paramref name="untilHeight"/>) is paired
/// with a second block signed with the raw key, and the two proposals go to the two halves of its peers.
/// </summary>
public sealed class EquivocatingProposerTransport(SimTransport inner, ISigner rawSigner, IConsensusApplication application, string chainId, ulong untilHeight) : IConsensusTransport
{
    private readonly HashSet<(ulong, uint)> _done = [];

    public void Broadcast(ConsensusMessage message)
    {
        if (message is not ProposalMessage original || original.Proposal is not { } proposal || proposal.ProposerAddress != rawSigner.Address
            || proposal.ValidRound != -1 || proposal.Height > untilHeight || !_done.Add((proposal.Height, proposal.Round)))
        {
            inner.Broadcast(message);
            return;
        }

        // A second block: the same request one millisecond later, so a different hash.
        var time = application.ValidateBlock(proposal.Height, original.Block).TimeMs;
        var other = application.BuildProposal(new BlockRequest(proposal.Height, proposal.Round, time + 1, rawSigner.Address, []));
        var body = ProposalSignBytes.Encode(proposal.Height, proposal.Round, -1, other.Hash);
        var signature = rawSigner.Sign(SigningDomain.Proposal, chainId, body);
        var second = new ProposalMessage(new SignedProposal(proposal.Height, proposal.Round, -1, other.Hash, rawSigner.Address, proposal.ProposerIndex, signature), other.Block);
        var peers = inner.Peers;
        for (var i = 0; i < peers.Count; i++)
        {
            inner.SendTo(peers[i], i % 2 == 0 ? message : second);
        }
    }

    public void Send(PeerId peer, ConsensusMessage message) => inner.Send(peer, message);
}
