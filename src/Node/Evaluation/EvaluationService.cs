using System.Collections.Concurrent;
using System.Threading.Channels;
using DaiChain.Ledger.Crypto;
using DaiChain.ModelRegistry.Evaluation;
using DaiChain.ModelRegistry.Evaluation.Datasets;
using DaiChain.ModelRegistry.Queries;
using Microsoft.Extensions.Logging;

namespace DaiChain.Node.Evaluation;

/// <summary>
/// The validator's background evaluation worker: a bounded queue of requests, a fixed number of workers, one
/// evaluation per key at a time, results signed by the validator and kept in the <see cref="EvaluationCache"/>.
/// </summary>
/// <remarks>
/// <para>Nothing here reads a clock: the evaluator bounds the work by the multiply-accumulate budget it computes from
/// the graph before running. A request the queue has no room for is refused (it is asked again when the version is
/// seen next); a request whose inputs are missing completes with a problem and is not cached.</para>
/// <para>Thread-safe: the mempool scan, the proposer and the validator's check call it concurrently.</para>
/// </remarks>
public sealed class EvaluationService : IAsyncDisposable
{
    private readonly EvaluationCache _cache;
    private readonly IEvaluationInputs _inputs;
    private readonly PrivateKey _signer;
    private readonly string _chainId;
    private readonly EvaluationServiceOptions _options;
    private readonly EvaluationMetrics _metrics;
    private readonly ILogger _logger;
    private readonly Evaluator _evaluator = new();
    private readonly Channel<(EvaluationRequest Request, TaskCompletionSource<EvaluationOutcome> Done)> _queue;
    private readonly ConcurrentDictionary<EvaluationKey, Task<EvaluationOutcome>> _inFlight = new();
    private readonly ConcurrentDictionary<EvaluationKey, string> _problems = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task[] _workers;
    private int _queued;

    public EvaluationService(EvaluationCache cache, IEvaluationInputs inputs, PrivateKey signer, string chainId, EvaluationServiceOptions options, EvaluationMetrics metrics, ILogger logger)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.QueueCapacity, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Workers, 1);
        _cache = cache;
        _inputs = inputs;
        _signer = signer;
        _chainId = chainId;
        _options = options;
        _metrics = metrics;
        _logger = logger;
        _queue = Channel.CreateBounded<(EvaluationRequest, TaskCompletionSource<EvaluationOutcome>)>(new BoundedChannelOptions(options.QueueCapacity) { FullMode = BoundedChannelFullMode.Wait });
        _workers = [.. Enumerable.Range(0, options.Workers).Select(_ => Task.Run(RunAsync))];
    }

    /// <summary>Evaluations waiting to run.</summary>
    public int Queued => Volatile.Read(ref _queued);

    /// <summary>The finished evaluation of <paramref name="key"/>, if any.</summary>
    public StoredEvaluation? TryGet(EvaluationKey key) => _cache.TryGet(key);

    /// <summary>Why the last attempt at <paramref name="key"/> could not run, if it could not.</summary>
    public string? ProblemOf(EvaluationKey key) => _problems.TryGetValue(key, out var problem) ? problem : null;

    /// <summary>True while <paramref name="key"/> is queued or running.</summary>
    public bool IsPending(EvaluationKey key) => _inFlight.ContainsKey(key);

    /// <summary>The evaluation of the request: at once when cached, else when a worker has run it.</summary>
    public Task<EvaluationOutcome> Request(EvaluationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_cache.TryGet(request.Key) is { } stored)
        {
            return Task.FromResult(EvaluationOutcome.Done(stored));
        }

        if (_inFlight.TryGetValue(request.Key, out var running))
        {
            return running;
        }

        var done = new TaskCompletionSource<EvaluationOutcome>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_inFlight.TryAdd(request.Key, done.Task))
        {
            return _inFlight.TryGetValue(request.Key, out running) ? running : Request(request);
        }

        if (!_queue.Writer.TryWrite((request, done)))
        {
            _inFlight.TryRemove(request.Key, out _);
            _metrics.Refused.Inc();
            return Task.FromResult(EvaluationOutcome.Unavailable($"the evaluation queue is full ({_options.QueueCapacity}); it is asked again later"));
        }

        Interlocked.Increment(ref _queued);
        return done.Task;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await Task.WhenAll(_workers).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        _stopping.Dispose();
    }

    private async Task RunAsync()
    {
        await foreach (var (request, done) in _queue.Reader.ReadAllAsync(_stopping.Token).ConfigureAwait(false))
        {
            Interlocked.Decrement(ref _queued);
            EvaluationOutcome outcome;
            try
            {
                outcome = await EvaluateAsync(request, _stopping.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                done.TrySetResult(EvaluationOutcome.Unavailable("the node is stopping"));
                throw;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                _logger.LogError(e, "evaluating {Artifact} on {Benchmark} failed unexpectedly", request.Key.Artifact, request.Key.Benchmark);
                outcome = EvaluationOutcome.Unavailable($"the evaluation failed unexpectedly: {e.Message}");
            }

            if (outcome.Problem is { } problem)
            {
                if (_problems.Count >= _options.MaxRememberedProblems)
                {
                    _problems.Clear();
                }

                _problems[request.Key] = problem;
                _metrics.Evaluations.WithLabels("unavailable").Inc();
            }
            else
            {
                _problems.TryRemove(request.Key, out _);
            }

            _inFlight.TryRemove(request.Key, out _);
            done.TrySetResult(outcome);
        }
    }

    private async Task<EvaluationOutcome> EvaluateAsync(EvaluationRequest request, CancellationToken cancellationToken)
    {
        var key = request.Key;
        if (_cache.TryGet(key) is { } stored)
        {
            return EvaluationOutcome.Done(stored);
        }

        byte[] model;
        byte[] dataset;
        try
        {
            model = await _inputs.ModelAsync(key.Artifact, cancellationToken).ConfigureAwait(false);
            dataset = await _inputs.DatasetAsync(request.Spec.DatasetHash, request.Visibility, cancellationToken).ConfigureAwait(false);
        }
        catch (EvaluationUnavailableException e)
        {
            _logger.LogWarning("cannot evaluate {Artifact} on {Benchmark} yet: {Reason}", key.Artifact, key.Benchmark, e.Message);
            return EvaluationOutcome.Unavailable(e.Message);
        }

        EvaluationResult result;
        try
        {
            result = _evaluator.Evaluate(model, dataset, request.Spec);
        }
        catch (Exception e) when (e is BenchmarkDatasetException or ArgumentException)
        {
            // A problem of the benchmark or of this node's copy of its data, never of the model.
            _logger.LogWarning("benchmark {Benchmark} cannot be evaluated here: {Reason}", key.Benchmark, e.Message);
            return EvaluationOutcome.Unavailable($"benchmark '{key.Benchmark}' cannot be evaluated here: {e.Message}");
        }

        var signed = SignedEvaluation.Sign(EvaluationStatement.Of(_chainId, key.Benchmark, result), _signer);
        var kept = new StoredEvaluation(key.Benchmark, result, StoredEvaluation.Clip(result.RejectionMessage), signed);
        _cache.Save(key, kept);
        _metrics.Evaluations.WithLabels(RegistryViews.Word(result.Status)).Inc();
        _logger.LogInformation(
            "evaluated {Artifact} on {Benchmark}: {Status}, {Metric} {Value} (threshold {Threshold}), {Work} work units{Reason}",
            key.Artifact,
            key.Benchmark,
            result.Status,
            result.Metric,
            result.MetricValue,
            result.Threshold,
            result.WorkUnits,
            result.RejectionMessage is { } message ? ": " + message : string.Empty);
        return EvaluationOutcome.Done(kept);
    }
}
