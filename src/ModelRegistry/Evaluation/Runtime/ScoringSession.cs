using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DaiChain.Ledger.Primitives;
using DaiChain.ModelRegistry.Evaluation.Onnx;
using DaiChain.ModelRegistry.Evaluation.Operators;
using DaiChain.ModelRegistry.Evaluation.Tensors;

namespace DaiChain.ModelRegistry.Evaluation.Runtime;

/// <summary>A model prepared for one benchmark's dataset shape: pruned, fed, planned and budgeted, ready to run.</summary>
/// <remarks>
/// <para>
/// Batch size: the largest power of two up to <see cref="EvaluationLimits.MaxBatchSize"/> (and the sample count)
/// whose plan keeps every tensor under the cap and whose scored output is [batch, ...]; an input with a fixed
/// batch dimension of 1 runs one sample at a time. Every operator computes each sample independently of the
/// others in its batch, so the batch size changes no value, only speed and memory.
/// </para>
/// <para>
/// The work of the whole evaluation (full batches, the last partial batch and the constant folding) is summed
/// from the plans and checked against <see cref="EvaluationLimits.MaxWorkUnits"/> before any sample runs.
/// </para>
/// </remarks>
internal sealed class ScoringSession
{
    private readonly ExecutionPlan _plan;
    private readonly ExecutionPlan? _lastPlan;
    private readonly int _featureWidth;
    private readonly BenchmarkTask _task;
    private readonly string[]? _zipMapLabels;
    private readonly Dictionary<string, long> _mapping;

    private ScoringSession(ExecutionPlan plan, ExecutionPlan? lastPlan, int featureWidth, int sampleCount, BenchmarkTask task,
        string[]? zipMapLabels, Dictionary<string, long> mapping, long workUnits, ElementType outputType, int outputWidth)
    {
        _plan = plan;
        _lastPlan = lastPlan;
        _featureWidth = featureWidth;
        SampleCount = sampleCount;
        _task = task;
        _zipMapLabels = zipMapLabels;
        _mapping = mapping;
        WorkUnits = workUnits;
        OutputType = outputType;
        OutputWidth = outputWidth;
    }

    public int SampleCount { get; }

    public int BatchSize => _plan.BatchSize;

    public long WorkUnits { get; }

    public ElementType OutputType { get; }

    /// <summary>Values of the scored tensor per sample.</summary>
    public int OutputWidth { get; }

    public static ScoringSession Prepare(OnnxModel model, BenchmarkSpec spec, IReadOnlyList<int> sampleShape, int sampleCount, EvaluationLimits limits)
    {
        if (!model.Outputs.Any(o => o.Name == spec.ScoredOutput))
        {
            throw new OnnxModelException(ModelRejectionReason.BenchmarkMismatch,
                $"the benchmark scores output '{spec.ScoredOutput}', which is not a graph output of the model (outputs: {string.Join(", ", model.Outputs.Select(o => $"'{o.Name}'"))})");
        }

        var target = spec.ScoredOutput;
        string[]? zipLabels = null;
        if (model.Producers.TryGetValue(target, out var producer) && producer.Domain == OnnxDomains.OnnxMl && producer.OpType == "ZipMap")
        {
            (target, zipLabels) = ThroughZipMap(producer);
        }

        var graph = PlanBuilder.Prune(model, target, limits);
        var featureWidth = (int)Shapes.ElementCount(sampleShape.ToArray());
        var (feeds, fixedBatch) = ResolveFeeds(graph, spec, sampleShape.ToArray(), featureWidth);
        var meter = new WorkMeter(limits.MaxWorkUnits, limits.MaxTensorElements);
        var plan = ChoosePlan(graph, feeds, fixedBatch, sampleCount, limits, meter);
        var remainder = sampleCount % plan.BatchSize;
        var lastPlan = remainder == 0 ? null : PlanFor(graph, feeds, remainder, limits, meter)
            ?? throw new OnnxModelException(ModelRejectionReason.BenchmarkMismatch,
                string.Create(CultureInfo.InvariantCulture, $"scored output is not [batch, ...] for a batch of {remainder}"));

        var fullBatches = sampleCount / plan.BatchSize;
        var work = (Int128)fullBatches * plan.WorkPerBatch + (lastPlan?.WorkPerBatch ?? 0) + meter.Units;
        if (work > limits.MaxWorkUnits)
        {
            throw new OnnxModelException(ModelRejectionReason.WorkBudgetExceeded,
                string.Create(CultureInfo.InvariantCulture,
                    $"evaluating {sampleCount} samples needs {work} work units ({plan.WorkPerBatch} per batch of {plan.BatchSize}), more than the budget of {limits.MaxWorkUnits}"));
        }

        var outputType = plan.TargetType;
        var outputWidth = (int)(Shapes.ElementCount(plan.TargetShape) / plan.BatchSize);
        CheckOutput(spec, outputType, outputWidth, zipLabels);
        var mapping = spec.LabelMapping.ToDictionary(e => e.ModelLabel, e => e.DatasetLabel, StringComparer.Ordinal);
        return new ScoringSession(plan, lastPlan, featureWidth, sampleCount, spec.Task, zipLabels, mapping, (long)work, outputType, outputWidth);
    }

    /// <summary>Runs every sample; <paramref name="parallelism"/> batches may run at once, results are combined in sample order.</summary>
    public ScoredOutputs Run(ReadOnlyMemory<float> features, int parallelism)
    {
        var batches = (SampleCount + _plan.BatchSize - 1) / _plan.BatchSize;
        var outputs = new Tensor[batches];
        void RunBatch(int b)
        {
            var start = b * _plan.BatchSize;
            var rows = Math.Min(_plan.BatchSize, SampleCount - start);
            var plan = rows == _plan.BatchSize ? _plan : _lastPlan!;
            outputs[b] = plan.Run(features.Span.Slice(start * _featureWidth, rows * _featureWidth), _featureWidth);
        }

        if (parallelism > 1 && batches > 1)
        {
            Parallel.For(0, batches, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, RunBatch);
        }
        else
        {
            for (var b = 0; b < batches; b++)
            {
                RunBatch(b);
            }
        }

        return Collect(outputs);
    }

    private ScoredOutputs Collect(Tensor[] outputs)
    {
        using var digest = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> header = stackalloc byte[5];
        header[0] = (byte)OutputType;
        BinaryPrimitives.WriteUInt32LittleEndian(header[1..], (uint)OutputWidth);
        digest.AppendData(header);
        var labels = _task == BenchmarkTask.Classification ? new long?[SampleCount] : null;
        var values = _task == BenchmarkTask.Regression ? new double[SampleCount] : null;
        var sample = 0;
        foreach (var t in outputs)
        {
            AppendValues(digest, t);
            var rows = t.Length / OutputWidth;
            for (var r = 0; r < rows; r++, sample++)
            {
                if (values is not null)
                {
                    values[sample] = t.GetDouble(r);
                }
                else
                {
                    labels![sample] = Predict(t, r);
                }
            }
        }

        return new ScoredOutputs(labels, values, new Hash256(digest.GetHashAndReset()));
    }

    /// <summary>The dataset label predicted for row <paramref name="r"/>, or null when the label mapping does not cover it.</summary>
    private long? Predict(Tensor t, int r)
    {
        string modelLabel;
        long? identity;
        if (ElementTypes.IsFloating(t.Type))
        {
            var best = 0;
            var start = r * OutputWidth;
            var bestValue = t.GetDouble(start);
            for (var j = 1; j < OutputWidth && !double.IsNaN(bestValue); j++)
            {
                var v = t.GetDouble(start + j);
                if (double.IsNaN(v) || v > bestValue)
                {
                    best = j;
                    bestValue = v;
                }
            }

            if (_zipMapLabels is null)
            {
                modelLabel = best.ToString(CultureInfo.InvariantCulture);
                identity = best;
            }
            else
            {
                modelLabel = _zipMapLabels[best];
                identity = long.TryParse(modelLabel, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
            }
        }
        else if (t.Type == ElementType.String)
        {
            modelLabel = t.StringData[r];
            identity = null;
        }
        else
        {
            identity = t.LongData[r];
            modelLabel = identity.Value.ToString(CultureInfo.InvariantCulture);
        }

        if (_mapping.Count == 0)
        {
            return identity;
        }

        return _mapping.TryGetValue(modelLabel, out var label) ? label : null;
    }

    /// <summary>Appends the tensor's values little-endian: float32 4 bytes, double and integers 8 bytes, strings length-prefixed UTF-8.</summary>
    private static void AppendValues(IncrementalHash digest, Tensor t)
    {
        switch (t.Type)
        {
            case ElementType.Float:
                {
                    var bytes = new byte[t.Length * 4];
                    for (var i = 0; i < t.Length; i++)
                    {
                        BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * 4), t.FloatData[i]);
                    }

                    digest.AppendData(bytes);
                    break;
                }

            case ElementType.Double:
                {
                    var bytes = new byte[t.Length * 8];
                    for (var i = 0; i < t.Length; i++)
                    {
                        BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan(i * 8), t.DoubleData[i]);
                    }

                    digest.AppendData(bytes);
                    break;
                }

            case ElementType.String:
                {
                    Span<byte> length = stackalloc byte[4];
                    foreach (var s in t.StringData)
                    {
                        var bytes = Encoding.UTF8.GetBytes(s);
                        BinaryPrimitives.WriteUInt32LittleEndian(length, (uint)bytes.Length);
                        digest.AppendData(length);
                        digest.AppendData(bytes);
                    }

                    break;
                }

            default:
                {
                    var bytes = new byte[t.Length * 8];
                    for (var i = 0; i < t.Length; i++)
                    {
                        BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(i * 8), t.LongData[i]);
                    }

                    digest.AppendData(bytes);
                    break;
                }
        }
    }

    private static (string Target, string[] Labels) ThroughZipMap(OnnxNode zipMap)
    {
        var ints = zipMap.Attributes.GetValueOrDefault("classlabels_int64s")?.Ints;
        var strings = zipMap.Attributes.GetValueOrDefault("classlabels_strings")?.Strings;
        if ((ints is null) == (strings is null) || zipMap.Inputs.Length != 1 || zipMap.Inputs[0].Length == 0)
        {
            throw new OnnxModelException(ModelRejectionReason.InvalidAttribute,
                $"{zipMap.Describe()} needs one input and exactly one of classlabels_int64s and classlabels_strings");
        }

        return (zipMap.Inputs[0], strings ?? ints!.Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray());
    }

    private static (List<FeedBinding> Feeds, int? FixedBatch) ResolveFeeds(ScoredGraph graph, BenchmarkSpec spec, int[] sampleShape, int featureWidth)
    {
        var feeds = new List<FeedBinding>();
        int? fixedBatch = null;
        if (spec.Inputs.Count == 0 && graph.Inputs.Count > 1)
        {
            throw new OnnxModelException(ModelRejectionReason.BenchmarkMismatch,
                $"the scored output reads {graph.Inputs.Count} inputs ({string.Join(", ", graph.Inputs.Select(i => $"'{i.Name}'"))}); the benchmark must bind each to its features");
        }

        foreach (var input in graph.Inputs)
        {
            var binding = spec.Inputs.Count == 0
                ? new InputBinding(input.Name, 0, featureWidth)
                : spec.Inputs.FirstOrDefault(b => b.Name == input.Name)
                    ?? throw new OnnxModelException(ModelRejectionReason.BenchmarkMismatch, $"graph input '{input.Name}' is read by the scored output but the benchmark does not bind it");
            if ((long)binding.FirstFeature + binding.Width > featureWidth)
            {
                throw new OnnxModelException(ModelRejectionReason.BenchmarkMismatch,
                    string.Create(CultureInfo.InvariantCulture, $"input '{input.Name}' is bound to features {binding.FirstFeature}..{binding.FirstFeature + binding.Width - 1}, samples have {featureWidth}"));
            }

            var type = input.ElementTypeCode == 0 ? ElementType.Float : (ElementType)input.ElementTypeCode;
            if (type is not (ElementType.Float or ElementType.Double or ElementType.Int64 or ElementType.Int32))
            {
                throw new OnnxModelException(ModelRejectionReason.BenchmarkMismatch,
                    $"input '{input.Name}' has element type {ElementTypes.Name(type)}; benchmark features are float32 and can feed float, double, int64 or int32 inputs");
            }

            var (shape, batch) = SampleShapeFor(input, binding, spec.Inputs.Count == 0 ? sampleShape : [binding.Width]);
            if (batch is { } k)
            {
                if (fixedBatch is { } other && other != k)
                {
                    throw new OnnxModelException(ModelRejectionReason.BenchmarkMismatch, "inputs declare different fixed batch sizes");
                }

                fixedBatch = k;
            }

            feeds.Add(new FeedBinding(input.Name, binding.FirstFeature, shape, type));
        }

        return (feeds, fixedBatch);
    }

    /// <summary>
    /// The per-sample shape an input receives: the declared dimensions after the batch dimension when they are all
    /// fixed and hold exactly the bound features, otherwise the dataset's sample shape (or [width] for a binding).
    /// </summary>
    private static (int[] Shape, int? FixedBatch) SampleShapeFor(OnnxValueInfo input, InputBinding binding, int[] natural)
    {
        if (input.Dims is not { Length: > 0 } dims)
        {
            return (natural, null);
        }

        int? fixedBatch = null;
        if (dims[0] is { } b && b != 0)
        {
            if (b != 1)
            {
                throw new OnnxModelException(ModelRejectionReason.BenchmarkMismatch,
                    string.Create(CultureInfo.InvariantCulture, $"input '{input.Name}' fixes the batch dimension at {b}; export with a dynamic batch dimension (or 1)"));
            }

            fixedBatch = 1;
        }

        var rest = dims[1..];
        if (rest.All(d => d is > 0) && rest.Aggregate(1L, (a, d) => a * d!.Value) == binding.Width)
        {
            return (rest.Select(d => (int)d!.Value).ToArray(), fixedBatch);
        }

        if (rest.Length != natural.Length || rest.Where((d, i) => d is { } v && v != natural[i]).Any())
        {
            throw new OnnxModelException(ModelRejectionReason.BenchmarkMismatch,
                $"input '{input.Name}' is declared as [batch, {string.Join(", ", rest.Select(d => d?.ToString(CultureInfo.InvariantCulture) ?? "?"))}], benchmark samples are {Shapes.Format(natural)}");
        }

        return (natural, fixedBatch);
    }

    private static ExecutionPlan ChoosePlan(ScoredGraph graph, List<FeedBinding> feeds, int? fixedBatch, int sampleCount, EvaluationLimits limits, WorkMeter meter)
    {
        if (fixedBatch is { } k)
        {
            return PlanFor(graph, feeds, k, limits, meter)
                ?? throw new OnnxModelException(ModelRejectionReason.BenchmarkMismatch, "scored output is not [batch, ...] for a batch of 1");
        }

        var size = 1;
        while (size * 2 <= Math.Min(limits.MaxBatchSize, sampleCount))
        {
            size *= 2;
        }

        for (; size >= 1; size /= 2)
        {
            try
            {
                if (PlanFor(graph, feeds, size, limits, meter) is { } plan)
                {
                    return plan;
                }
            }
            catch (OnnxModelException e) when (e.Reason == ModelRejectionReason.TooLarge && size > 1)
            {
                // A smaller batch may fit the tensor cap.
            }
        }

        throw new OnnxModelException(ModelRejectionReason.BenchmarkMismatch, "scored output is not [batch, ...] for any batch size");
    }

    /// <summary>The plan for a batch size, or null when the scored output does not have the batch as its first dimension.</summary>
    private static ExecutionPlan? PlanFor(ScoredGraph graph, List<FeedBinding> feeds, int batch, EvaluationLimits limits, WorkMeter meter)
    {
        var plan = PlanBuilder.Build(graph, feeds, batch, limits, meter);
        return plan.TargetShape.Length >= 1 && plan.TargetShape[0] == batch ? plan : null;
    }

    private static void CheckOutput(BenchmarkSpec spec, ElementType type, int width, string[]? zipLabels)
    {
        if (spec.Task == BenchmarkTask.Regression)
        {
            if (width != 1 || type == ElementType.String)
            {
                throw new OnnxModelException(ModelRejectionReason.BenchmarkMismatch,
                    string.Create(CultureInfo.InvariantCulture, $"a regression benchmark needs one number per sample; output '{spec.ScoredOutput}' has {width} {ElementTypes.Name(type)} values"));
            }

            return;
        }

        if (ElementTypes.IsFloating(type))
        {
            if (width < 2)
            {
                throw new OnnxModelException(ModelRejectionReason.BenchmarkMismatch,
                    $"a classification benchmark reads a floating output as per-class scores, but output '{spec.ScoredOutput}' has one value per sample; score the label output instead");
            }

            if (zipLabels is not null && zipLabels.Length != width)
            {
                throw new OnnxModelException(ModelRejectionReason.BenchmarkMismatch, "ZipMap class labels do not match the score columns");
            }

            return;
        }

        if (width != 1)
        {
            throw new OnnxModelException(ModelRejectionReason.BenchmarkMismatch,
                string.Create(CultureInfo.InvariantCulture, $"a label output needs one label per sample; output '{spec.ScoredOutput}' has {width}"));
        }

        if (type == ElementType.String && spec.LabelMapping.Count == 0)
        {
            throw new OnnxModelException(ModelRejectionReason.BenchmarkMismatch,
                $"output '{spec.ScoredOutput}' holds string labels; the benchmark needs a label mapping to dataset labels");
        }
    }
}
