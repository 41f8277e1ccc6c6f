using DaiChain.Ledger.Crypto;
using DaiChain.Node.Chain;
using DaiChain.Node.Metrics;
using DaiChain.Node.Registry;
using Microsoft.Extensions.Logging;

namespace DaiChain.Node.Evaluation;

/// <summary>
/// A validator's evaluation parts, built in one place for the composition root: the result cache
/// (<c>{data}/evaluation/results</c>), the operator's private datasets (<c>{data}/evaluation/datasets</c>), the
/// background worker and the gate (also a commit observer: it scans the mempool after each commit).
/// </summary>
public sealed class EvaluationNode : IAsyncDisposable
{
    private EvaluationNode(EvaluationService service, EvaluationGate gate, string privateDatasets)
    {
        Service = service;
        Gate = gate;
        PrivateDatasetsDirectory = privateDatasets;
    }

    public EvaluationService Service { get; }

    public EvaluationGate Gate { get; }

    /// <summary>Where the operator provisions private benchmark datasets, one file per dataset named by its SHA-256 hex.</summary>
    public string PrivateDatasetsDirectory { get; }

    /// <param name="chain">The node's chain (its mempool and head).</param>
    /// <param name="registry">The registry's node parts: artifact store and artifacts reactor.</param>
    /// <param name="dataDirectory">The node's data directory.</param>
    /// <param name="validatorKey">Signs evaluation results and evaluation records.</param>
    /// <param name="maxWait">How long judging a block may wait for this node's evaluations (the propose timeout).</param>
    /// <param name="metrics">Where the gate's series go.</param>
    /// <param name="loggers">Loggers.</param>
    public static EvaluationNode Create(LocalChain chain, RegistryNodeServices registry, string dataDirectory, PrivateKey validatorKey, TimeSpan maxWait, MetricsRegistry metrics, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger("DaiChain.Evaluation");
        var root = Path.Combine(dataDirectory, "evaluation");
        var privateDatasets = Path.Combine(root, "datasets");
        var inputs = new NodeEvaluationInputs(registry.Artifacts, (hash, token) => registry.Reactor.FetchAsync(hash, token), privateDatasets);
        var gateMetrics = new EvaluationMetrics(metrics);
        var service = new EvaluationService(new EvaluationCache(Path.Combine(root, "results"), logger), inputs, validatorKey, chain.ChainId, new EvaluationServiceOptions(), gateMetrics, logger);
        metrics.CreateCallbackGauge("daichain_evaluation_queue", "Evaluations waiting for the worker.", () => service.Queued);
        var gate = new EvaluationGate(chain, service, validatorKey, maxWait, gateMetrics, logger);
        chain.AddObserver(gate);
        return new EvaluationNode(service, gate, privateDatasets);
    }

    public ValueTask DisposeAsync() => Service.DisposeAsync();
}
