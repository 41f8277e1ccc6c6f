namespace DaiChain.ConsensusSim;

/// <summary>
/// A seeded in-process network between numbered endpoints: each message gets a random delay (so messages
/// reorder), may be dropped or duplicated, and never crosses a partition. Conditions can change mid-run; the
/// network is "healed" by <see cref="Heal"/>, after which it delivers everything with bounded delay.
/// </summary>
/// <typeparam name="TMessage">The message type.</typeparam>
public sealed class SimNetwork<TMessage>
{
    private readonly SimScheduler _scheduler;
    private readonly Random _random;
    private readonly Dictionary<int, Action<int, TMessage>> _endpoints = [];
    private int[]? _partitionOf;

    public SimNetwork(SimScheduler scheduler, Random random)
    {
        _scheduler = scheduler;
        _random = random;
    }

    public NetworkConditions Conditions { get; set; } = NetworkConditions.Good;

    public long Sent { get; private set; }

    public long Delivered { get; private set; }

    public long Dropped { get; private set; }

    /// <summary>Registers (or, after a restart, replaces) the receive callback of <paramref name="endpoint"/>.</summary>
    public void Attach(int endpoint, Action<int, TMessage> receive) => _endpoints[endpoint] = receive;

    /// <summary>Stops delivery to <paramref name="endpoint"/> (a crashed node); messages in flight to it are lost.</summary>
    public void Detach(int endpoint) => _endpoints.Remove(endpoint);

    /// <summary>Splits the endpoints: <paramref name="partitionOf"/>[i] is endpoint i's side; messages across sides are lost.</summary>
    public void Partition(int[] partitionOf) => _partitionOf = (int[])partitionOf.Clone();

    /// <summary>Removes the partition and restores good conditions.</summary>
    public void Heal()
    {
        _partitionOf = null;
        Conditions = NetworkConditions.Good;
    }

    public void Send(int from, int to, TMessage message)
    {
        Sent++;
        if (Separated(from, to))
        {
            Dropped++;
            return;
        }

        var copies = _random.Next(1000) < Conditions.DuplicatePerMille ? 2 : 1;
        for (var copy = 0; copy < copies; copy++)
        {
            if (_random.Next(1000) < Conditions.DropPerMille)
            {
                Dropped++;
                continue;
            }

            var delay = _random.NextInt64(Conditions.MinDelayMs, Conditions.MaxDelayMs + 1);
            _scheduler.After(delay, () => Deliver(from, to, message));
        }
    }

    private void Deliver(int from, int to, TMessage message)
    {
        // The partition is checked again at delivery: a partition that starts while a message is in flight cuts it.
        if (Separated(from, to))
        {
            Dropped++;
            return;
        }

        if (_endpoints.TryGetValue(to, out var receive))
        {
            Delivered++;
            receive(from, message);
        }
        else
        {
            Dropped++;
        }
    }

    private bool Separated(int from, int to) =>
        _partitionOf is { } sides && from < sides.Length && to < sides.Length && sides[from] != sides[to];
}
