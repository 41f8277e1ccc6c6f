using DaiChain.Node.Metrics;

namespace DaiChain.Node.Evaluation;

/// <summary>The evaluation gate's series at <c>/metrics</c>.</summary>
public sealed class EvaluationMetrics
{
    public EvaluationMetrics(MetricsRegistry registry)
    {
        Evaluations = registry.CreateCounterFamily("daichain_evaluations_total", "Evaluations finished by this validator, by outcome (accepted, rejected, invalid_model, unavailable).", "outcome");
        Refused = registry.CreateCounter("daichain_evaluation_queue_refused_total", "Evaluation requests refused because the queue was full.");
        Checks = registry.CreateCounterFamily("daichain_evaluation_proposal_checks_total", "Proposed blocks carrying gated versions judged by the gate, by result (ok, mismatch, unpaired, unavailable, invalid_model).", "result");
        Deferred = registry.CreateCounter("daichain_evaluation_versions_deferred_total", "Gated versions this proposer left for a later block because its evaluation was not finished.");
        Dropped = registry.CreateCounter("daichain_evaluation_versions_dropped_total", "Version transactions dropped from the mempool because their model cannot be evaluated (invalid_model).");
    }

    public MetricFamily<Counter> Evaluations { get; }

    public Counter Refused { get; }

    public MetricFamily<Counter> Checks { get; }

    public Counter Deferred { get; }

    public Counter Dropped { get; }
}
