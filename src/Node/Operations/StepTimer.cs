using DaiChain.Node.ConsensusPort;
using DaiChain.Node.Metrics;

namespace DaiChain.Node.Operations;

/// <summary>
/// Measures this validator's consensus steps into <c>daichain_consensus_step_duration_seconds{step}</c>:
/// <c>propose</c> from the start of a height (the end of the previous commit plus the commit pause) to its own
/// first prevote, <c>prevote</c> to its first precommit, <c>precommit</c> to the start of the commit, and
/// <c>commit</c> the time the decided block took to execute and store. Later rounds of a height add to the same steps.
/// </summary>
/// <remarks>Called from the consensus loop only (own broadcasts and commits), so it needs no lock.</remarks>
public sealed class StepTimer : IConsensusStepObserver
{
    private readonly NodeMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly TimeSpan _commitPause;
    private long _stepStarted;
    private ulong _height;
    private uint _round;
    private int _step;

    public StepTimer(NodeMetrics metrics, TimeProvider time, TimeSpan commitPause)
    {
        _metrics = metrics;
        _time = time;
        _commitPause = commitPause;
        _stepStarted = time.GetTimestamp();
    }

    public void OwnVote(ulong height, uint round, bool precommit)
    {
        var step = precommit ? 2 : 1;
        if (height != _height || round != _round)
        {
            if (height != _height)
            {
                _step = 0;
            }

            _height = height;
            _round = round;
            if (step <= _step)
            {
                _step = 0;
            }
        }

        if (step <= _step)
        {
            return;
        }

        Observe(step == 1 ? "propose" : "prevote");
        _step = step;
    }

    public void CommitStarted(ulong height)
    {
        if (height == _height && _step == 2)
        {
            Observe("precommit");
        }

        _stepStarted = _time.GetTimestamp();
    }

    public void CommitFinished(ulong height)
    {
        _metrics.StepDuration.WithLabels("commit").Observe(_time.GetElapsedTime(_stepStarted));
        _stepStarted = _time.GetTimestamp() + (long)(_commitPause.TotalSeconds * _time.TimestampFrequency);
        _height = height + 1;
        _round = 0;
        _step = 0;
    }

    private void Observe(string step)
    {
        var now = _time.GetTimestamp();
        var elapsed = now > _stepStarted ? _time.GetElapsedTime(_stepStarted, now) : TimeSpan.Zero;
        _metrics.StepDuration.WithLabels(step).Observe(elapsed);
        _stepStarted = now;
    }
}
