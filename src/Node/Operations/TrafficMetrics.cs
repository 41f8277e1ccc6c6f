using DaiChain.Node.Metrics;
using DaiChain.Node.P2P;

namespace DaiChain.Node.Operations;

/// <summary><c>daichain_p2p_channel_bytes_total{channel,direction}</c> from the switch's traffic callbacks.</summary>
public sealed class TrafficMetrics : IChannelTrafficObserver
{
    private readonly Counter[] _sent = new Counter[256];
    private readonly Counter[] _received = new Counter[256];

    public TrafficMetrics(NodeMetrics metrics)
    {
        foreach (var channel in Enum.GetValues<ChannelId>())
        {
            var name = channel.ToString().ToLowerInvariant();
            _sent[(byte)channel] = metrics.ChannelBytes.WithLabels(name, "sent");
            _received[(byte)channel] = metrics.ChannelBytes.WithLabels(name, "received");
        }
    }

    public void Sent(ChannelId channel, int bytes) => _sent[(byte)channel]?.Inc(bytes);

    public void Received(ChannelId channel, int bytes) => _received[(byte)channel]?.Inc(bytes);
}
