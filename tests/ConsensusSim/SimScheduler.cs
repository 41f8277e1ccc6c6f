namespace DaiChain.ConsensusSim;

/// <summary>
/// The simulation's single event queue in virtual time: every timer and every network delivery is an event.
/// Events run in (time, insertion order), so a run is a pure function of the seed.
/// </summary>
public sealed class SimScheduler
{
    private readonly PriorityQueue<Action, (long Time, long Sequence)> _events = new();
    private long _sequence;

    /// <summary>Virtual time in milliseconds since the start of the run.</summary>
    public long NowMs { get; private set; }

    /// <summary>Events run so far.</summary>
    public long Executed { get; private set; }

    public int Pending => _events.Count;

    public void At(long timeMs, Action action) => _events.Enqueue(action, (Math.Max(timeMs, NowMs), _sequence++));

    public void After(long delayMs, Action action) => At(NowMs + delayMs, action);

    /// <summary>
    /// Runs events in order until <paramref name="stop"/> holds, the next event lies after <paramref name="untilMs"/>
    /// (time then stands at <paramref name="untilMs"/>), or <paramref name="maxEvents"/> have run in total.
    /// </summary>
    /// <returns>True when <paramref name="stop"/> held.</returns>
    public bool RunUntil(Func<bool> stop, long untilMs, long maxEvents = long.MaxValue)
    {
        while (!stop())
        {
            if (Executed >= maxEvents)
            {
                return false;
            }

            if (!_events.TryPeek(out _, out var key) || key.Time > untilMs)
            {
                NowMs = Math.Max(NowMs, untilMs);
                return stop();
            }

            var action = _events.Dequeue();
            NowMs = key.Time;
            Executed++;
            action();
        }

        return true;
    }
}
