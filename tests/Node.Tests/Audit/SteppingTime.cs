namespace DaiChain.Node.Tests.Audit;

/// <summary>A clock for progress output: each reading is <c>step</c> later than the one before.</summary>
internal sealed class SteppingTime(TimeSpan step) : TimeProvider
{
    private long _ticks;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => Interlocked.Add(ref _ticks, step.Ticks);
}
