namespace DaiChain.Node.P2P;

/// <summary>
/// Redial delays: exponential from a base to a cap, with "equal jitter" (a uniform draw from the upper half) from an
/// injected, seeded <see cref="Random"/>, so nodes that lost each other at once do not redial in lockstep and a test
/// run is reproducible from its seed.
/// </summary>
internal sealed class ReconnectBackoff
{
    private readonly TimeSpan _base;
    private readonly TimeSpan _max;
    private readonly Random _random;
    private readonly Lock _gate = new();

    public ReconnectBackoff(TimeSpan baseDelay, TimeSpan maxDelay, Random random)
    {
        _base = baseDelay;
        _max = maxDelay;
        _random = random;
    }

    /// <summary>The delay before redial number <paramref name="attempt"/> (0 for the first): within [d/2, d] for d = min(max, base * 2^attempt).</summary>
    public TimeSpan Delay(int attempt)
    {
        var scaled = _base.Ticks * Math.Pow(2, Math.Clamp(attempt, 0, 62));
        var ceiling = scaled >= _max.Ticks ? _max.Ticks : (long)scaled;
        double draw;
        lock (_gate)
        {
            draw = _random.NextDouble();
        }

        return TimeSpan.FromTicks((ceiling / 2) + (long)(draw * (ceiling - (ceiling / 2))));
    }
}
