namespace DaiChain.Node.P2P;

/// <summary>What a reactor needs from the network: the peer set, broadcast and misbehaviour reports.</summary>
public interface IPeerNetwork
{
    /// <summary>A snapshot of the connected peers.</summary>
    IReadOnlyList<IPeer> Peers { get; }

    /// <summary>
    /// Queues <paramref name="message"/> to every connected peer (<see cref="IPeer.TrySend"/> on each, sharing the buffer)
    /// and returns how many accepted it.
    /// </summary>
    int Broadcast(ChannelId channel, ReadOnlyMemory<byte> message);

    /// <summary>
    /// The peer sent something provably invalid (a bad signature, an undecodable message): it is disconnected and
    /// banned for <see cref="P2POptions.BanDuration"/>.
    /// </summary>
    void ReportMisbehavior(IPeer peer, string reason);
}
