using DaiChain.Consensus.Engine;
using DaiChain.Consensus.Messages;
using DaiChain.Ledger.Chain;
using DaiChain.Ledger.Crypto;
using DaiChain.Ledger.Primitives;

namespace DaiChain.ConsensusSim.Byzantine;

/// <summary>
/// Wraps a node's transport: for each vote its engine casts (up to <paramref name="untilHeight"/>) it signs a second,
/// conflicting vote with the raw key, past the double-sign guard, and sends one to each half of its peers.
/// </summary>
public sealed class DoubleVotingTransport(SimTransport inner, ISigner rawSigner, string chainId, ulong untilHeight) : IConsensusTransport
{
    private readonly HashSet<(ulong, uint, VoteType)> _done = [];

    public void Broadcast(ConsensusMessage message)
    {
        if (message is not VoteMessage { Vote: var vote } || vote.ValidatorAddress != rawSigner.Address
            || vote.Height > untilHeight || !_done.Add((vote.Height, vote.Round, vote.Type)))
        {
            inner.Broadcast(message);
            return;
        }

        Hash256? other = vote.BlockHash is null ? Hash256.Compute([.. BitConverter.GetBytes(vote.Height), .. BitConverter.GetBytes(vote.Round), 0xEE]) : null;
        var conflicting = Vote.Sign(rawSigner, chainId, vote.Type, vote.Height, vote.Round, other, vote.TimestampMs, vote.ValidatorIndex);
        var peers = inner.Peers;
        for (var i = 0; i < peers.Count; i++)
        {
            inner.SendTo(peers[i], i % 2 == 0 ? message : new VoteMessage(conflicting));
        }
    }

    public void Send(PeerId peer, ConsensusMessage message) => inner.Send(peer, message);
}
