using DaiChain.Ledger;
using DaiChain.ModelRegistry.Evaluation.Onnx;
using DaiChain.ModelRegistry.Evaluation.Operators;
using DaiChain.ModelRegistry.Evaluation.Tensors;

namespace DaiChain.ModelRegistry.Evaluation.Runtime;

/// <summary>Prunes a model to what one output needs and plans its execution for a batch size.</summary>
/// <remarks>
/// <para>
/// Pruning walks back from the target: only the nodes it depends on are kept, get kernels (and so are
/// checked against the operator allowlist), and only the graph inputs it reads are fed. Exporters leave other
/// outputs and inputs in graphs (ML.NET feeds the label column to its own nodes), and those never matter.
/// </para>
/// <para>
/// Planning runs the kept nodes once on shape-only inputs of the batch size: every output shape, every
/// element count (against the tensor cap) and every node's work becomes known; nodes whose inputs are all
/// constant (weights, shapes of the dynamic-batch sub-graph) are computed then and never again.
/// </para>
/// </remarks>
internal static class PlanBuilder
{
    /// <summary>The kernels the target needs, in graph order, and the graph inputs it reads.</summary>
    public static ScoredGraph Prune(OnnxModel model, string target, EvaluationLimits limits)
    {
        var needed = new HashSet<string>(StringComparer.Ordinal) { target };
        var keep = new bool[model.Nodes.Count];
        for (var i = model.Nodes.Count - 1; i >= 0; i--)
        {
            var node = model.Nodes[i];
            if (!node.Outputs.Any(needed.Contains))
            {
                continue;
            }

            keep[i] = true;
            foreach (var input in node.Inputs)
            {
                if (input.Length > 0)
                {
                    needed.Add(input);
                }
            }
        }

        var kernels = new List<Kernel>();
        for (var i = 0; i < keep.Length; i++)
        {
            if (keep[i])
            {
                kernels.Add(KernelFactory.Create(model.Nodes[i], limits));
            }
        }

        var inputs = model.Inputs.Where(vi => needed.Contains(vi.Name)).ToList();
        return new ScoredGraph(model, target, kernels, inputs);
    }

    /// <summary>Plans one batch size; <paramref name="meter"/> bounds the work of folding constants.</summary>
    public static ExecutionPlan Build(ScoredGraph graph, IReadOnlyList<FeedBinding> feeds, int batchSize, EvaluationLimits limits, WorkMeter meter)
    {
        var values = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        var constants = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        foreach (var feed in feeds)
        {
            int[] shape = [batchSize, .. feed.SampleShape];
            if (Shapes.ElementCount(shape) > limits.MaxTensorElements)
            {
                throw new OnnxModelException(ModelRejectionReason.TooLarge,
                    $"input '{feed.InputName}' of shape {Shapes.Format(shape)} has more than {limits.MaxTensorElements} elements");
            }

            values[feed.InputName] = Tensor.ShapeOnly(feed.Type, shape);
        }

        var steps = new List<(Kernel Kernel, int[]?[] Shapes)>();
        long workPerBatch = 0;
        foreach (var kernel in graph.Kernels)
        {
            var node = kernel.Node;
            var inputs = new Tensor?[node.Inputs.Length];
            for (var i = 0; i < inputs.Length; i++)
            {
                var name = node.Inputs[i];
                if (name.Length == 0)
                {
                    continue;
                }

                if (!values.TryGetValue(name, out var value) && !graph.Model.Initializers.TryGetValue(name, out value))
                {
                    throw new OnnxModelException(ModelRejectionReason.BenchmarkMismatch,
                        $"{node.Describe()} reads graph input '{name}', which the benchmark does not feed");
                }

                inputs[i] = value;
                if (value.HasData)
                {
                    constants.TryAdd(name, value);
                }
            }

            var before = meter.Units;
            var outputs = kernel.Run(inputs, meter);
            Invariant.Check(outputs.Length == node.Outputs.Length, $"evaluator: {node.Describe()} returned {outputs.Length} outputs");
            var shapes = new int[]?[outputs.Length];
            var folded = true;
            for (var i = 0; i < outputs.Length; i++)
            {
                if (node.Outputs[i].Length == 0)
                {
                    continue;
                }

                var t = outputs[i];
                Invariant.Check(t is not null, $"evaluator: {node.Describe()} did not produce output {i}");
                meter.CheckShape(t!.Shape, node);
                shapes[i] = t.Shape;
                values[node.Outputs[i]] = t;
                folded &= t.HasData;
            }

            if (folded)
            {
                for (var i = 0; i < outputs.Length; i++)
                {
                    if (node.Outputs[i].Length > 0)
                    {
                        constants[node.Outputs[i]] = outputs[i]!;
                    }
                }
            }
            else
            {
                steps.Add((kernel, shapes));
                workPerBatch += meter.Units - before;
            }
        }

        var target = values.GetValueOrDefault(graph.Target)
            ?? graph.Model.Initializers.GetValueOrDefault(graph.Target)
            ?? throw new OnnxModelException(ModelRejectionReason.BenchmarkMismatch, $"output '{graph.Target}' is not computed from what the benchmark feeds");
        if (target.HasData)
        {
            constants.TryAdd(graph.Target, target);
        }

        return new ExecutionPlan
        {
            BatchSize = batchSize,
            Constants = constants,
            Steps = WithReleases(steps, feeds, constants, graph.Target),
            Feeds = feeds,
            Target = graph.Target,
            TargetShape = target.Shape,
            TargetType = target.Type,
            WorkPerBatch = workPerBatch,
            MaxTensorElements = limits.MaxTensorElements,
        };
    }

    /// <summary>Each non-constant value is released after the last step that reads it (or right away if none does).</summary>
    private static List<PlanStep> WithReleases(List<(Kernel Kernel, int[]?[] Shapes)> steps, IReadOnlyList<FeedBinding> feeds, Dictionary<string, Tensor> constants, string target)
    {
        var lastUse = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var feed in feeds)
        {
            lastUse[feed.InputName] = 0;
        }

        for (var s = 0; s < steps.Count; s++)
        {
            foreach (var name in steps[s].Kernel.Node.Inputs.Concat(steps[s].Kernel.Node.Outputs))
            {
                if (name.Length > 0 && !constants.ContainsKey(name))
                {
                    lastUse[name] = s;
                }
            }
        }

        var releases = new List<string>[steps.Count];
        foreach (var (name, step) in lastUse)
        {
            if (name != target && steps.Count > 0)
            {
                (releases[step] ??= []).Add(name);
            }
        }

        return steps.Select((s, i) => new PlanStep
        {
            Kernel = s.Kernel,
            OutputShapes = s.Shapes,
            Release = [.. (releases[i] ?? []).Order(StringComparer.Ordinal)],
        }).ToList();
    }
}
