using DaiChain.Ledger;
using DaiChain.ModelRegistry.Evaluation.Operators;
using DaiChain.ModelRegistry.Evaluation.Tensors;

namespace DaiChain.ModelRegistry.Evaluation.Runtime;

/// <summary>The steps that run for one batch size, the constants folded at planning time, and the work per batch.</summary>
/// <remarks>
/// Built by <see cref="PlanBuilder"/> from shape-only inputs, so <see cref="WorkPerBatch"/> and every output
/// shape are known before any benchmark data is read. <see cref="Run"/> checks that the real run matches the
/// plan (same shapes, same work): a difference would be an evaluator bug, and stops it.
/// </remarks>
internal sealed class ExecutionPlan
{
    public required int BatchSize { get; init; }

    public required IReadOnlyDictionary<string, Tensor> Constants { get; init; }

    public required IReadOnlyList<PlanStep> Steps { get; init; }

    public required IReadOnlyList<FeedBinding> Feeds { get; init; }

    public required string Target { get; init; }

    public required int[] TargetShape { get; init; }

    public required ElementType TargetType { get; init; }

    public required long WorkPerBatch { get; init; }

    public required int MaxTensorElements { get; init; }

    /// <summary>Runs one batch: <paramref name="features"/> holds BatchSize samples of <paramref name="featureWidth"/> floats.</summary>
    public Tensor Run(ReadOnlySpan<float> features, int featureWidth)
    {
        var values = new Dictionary<string, Tensor>(Constants, StringComparer.Ordinal);
        foreach (var feed in Feeds)
        {
            values[feed.InputName] = Feed(feed, features, featureWidth);
        }

        var meter = WorkMeter.Unbounded(MaxTensorElements);
        foreach (var step in Steps)
        {
            var node = step.Kernel.Node;
            var inputs = new Tensor?[node.Inputs.Length];
            for (var i = 0; i < inputs.Length; i++)
            {
                inputs[i] = node.Inputs[i].Length == 0 ? null : values[node.Inputs[i]];
            }

            var outputs = step.Kernel.Run(inputs, meter);
            for (var i = 0; i < node.Outputs.Length; i++)
            {
                if (node.Outputs[i].Length == 0)
                {
                    continue;
                }

                var t = outputs[i];
                Invariant.Check(t is not null && t.HasData && Shapes.Equal(t.Shape, step.OutputShapes[i]),
                    $"evaluator: {node.Describe()} output {i} differs from the plan");
                values[node.Outputs[i]] = t!;
            }

            foreach (var name in step.Release)
            {
                values.Remove(name);
            }
        }

        Invariant.Check(meter.Units == WorkPerBatch, "evaluator: the work of a batch differs from the plan");
        return values[Target];
    }

    private static Tensor Feed(FeedBinding feed, ReadOnlySpan<float> features, int featureWidth)
    {
        var rows = features.Length / featureWidth;
        int[] shape = [rows, .. feed.SampleShape];
        var width = feed.Width;
        switch (feed.Type)
        {
            case ElementType.Float:
                {
                    var data = new float[rows * width];
                    for (var r = 0; r < rows; r++)
                    {
                        features.Slice((r * featureWidth) + feed.FirstFeature, width).CopyTo(data.AsSpan(r * width, width));
                    }

                    return Tensor.FromFloats(shape, data);
                }

            case ElementType.Double:
                {
                    var data = new double[rows * width];
                    for (var r = 0; r < rows; r++)
                    {
                        for (var c = 0; c < width; c++)
                        {
                            data[(r * width) + c] = features[(r * featureWidth) + feed.FirstFeature + c];
                        }
                    }

                    return Tensor.FromDoubles(shape, data);
                }

            default:
                {
                    var data = new long[rows * width];
                    for (var r = 0; r < rows; r++)
                    {
                        for (var c = 0; c < width; c++)
                        {
                            data[(r * width) + c] = CastKernel.FromFloating(features[(r * featureWidth) + feed.FirstFeature + c], feed.Type);
                        }
                    }

                    return Tensor.FromLongs(feed.Type, shape, data);
                }
        }
    }
}
