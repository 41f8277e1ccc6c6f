namespace DaiChain.Node.P2P;

/// <summary>Which reactor serves each channel and with which bounds; immutable once the switch starts.</summary>
internal sealed class ChannelRouter
{
    private readonly ChannelDescriptor?[] _descriptors = new ChannelDescriptor?[256];
    private readonly IReactor?[] _reactors = new IReactor?[256];
    private readonly List<ChannelDescriptor> _all = [];
    private readonly List<IReactor> _reactorList = [];

    public IReadOnlyList<ChannelDescriptor> Channels => _all;

    public IReadOnlyList<IReactor> Reactors => _reactorList;

    public void Add(IReactor reactor)
    {
        var channels = reactor.Channels;
        if (channels.Count == 0)
        {
            throw new ArgumentException($"reactor {reactor.GetType().Name} serves no channel", nameof(reactor));
        }

        foreach (var descriptor in channels)
        {
            descriptor.Validate();
            if (_reactors[(byte)descriptor.Id] is { } other)
            {
                throw new ArgumentException($"channel {descriptor.Id} is already served by {other.GetType().Name}", nameof(reactor));
            }

            if (channels.Count(c => c.Id == descriptor.Id) > 1)
            {
                throw new ArgumentException($"reactor {reactor.GetType().Name} declares channel {descriptor.Id} twice", nameof(reactor));
            }
        }

        foreach (var descriptor in channels)
        {
            _descriptors[(byte)descriptor.Id] = descriptor;
            _reactors[(byte)descriptor.Id] = reactor;
            _all.Add(descriptor);
        }

        _reactorList.Add(reactor);
    }

    public bool TryGet(ChannelId channel, out ChannelDescriptor descriptor, out IReactor reactor)
    {
        descriptor = _descriptors[(byte)channel]!;
        reactor = _reactors[(byte)channel]!;
        return reactor is not null;
    }
}
