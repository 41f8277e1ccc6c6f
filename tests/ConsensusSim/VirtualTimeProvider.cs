namespace DaiChain.ConsensusSim;

/// <summary>
/// A <see cref="TimeProvider"/> driven by a <see cref="SimScheduler"/>: <see cref="GetUtcNow"/> is the virtual time
/// plus an optional per-node clock offset (skew), and timers are scheduler events.
/// </summary>
public sealed class VirtualTimeProvider : TimeProvider
{
    /// <summary>The virtual epoch: 2025-01-01T00:00:00Z.</summary>
    public static readonly DateTimeOffset Epoch = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly SimScheduler _scheduler;

    public VirtualTimeProvider(SimScheduler scheduler, long skewMs = 0)
    {
        _scheduler = scheduler;
        SkewMs = skewMs;
    }

    /// <summary>How far this node's wall clock is ahead of virtual time (negative: behind).</summary>
    public long SkewMs { get; set; }

    /// <summary>Set false to make every timer of this provider inert (a crashed node's timers must never fire).</summary>
    public bool Alive { get; set; } = true;

    /// <summary>Runs after every timer callback (the simulation pumps the node's engine here).</summary>
    public Action? AfterFire { get; set; }

    public override DateTimeOffset GetUtcNow() => Epoch.AddMilliseconds(_scheduler.NowMs + SkewMs);

    public override long TimestampFrequency => 1000;

    public override long GetTimestamp() => _scheduler.NowMs;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        new VirtualTimer(this, callback, state, dueTime, period);

    private sealed class VirtualTimer : ITimer
    {
        private readonly VirtualTimeProvider _owner;
        private readonly TimerCallback _callback;
        private readonly object? _state;
        private long _generation;

        public VirtualTimer(VirtualTimeProvider owner, TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            _owner = owner;
            _callback = callback;
            _state = state;
            Change(dueTime, period);
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            var generation = ++_generation;
            if (dueTime == Timeout.InfiniteTimeSpan)
            {
                return true;
            }

            Arm(generation, (long)dueTime.TotalMilliseconds, period);
            return true;
        }

        public void Dispose() => _generation++;

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }

        private void Arm(long generation, long dueMs, TimeSpan period) =>
            _owner._scheduler.After(Math.Max(0, dueMs), () =>
            {
                if (generation != _generation || !_owner.Alive)
                {
                    return;
                }

                if (period != Timeout.InfiniteTimeSpan && period > TimeSpan.Zero)
                {
                    Arm(generation, (long)period.TotalMilliseconds, period);
                }

                _callback(_state);
                _owner.AfterFire?.Invoke();
            });
    }
}
