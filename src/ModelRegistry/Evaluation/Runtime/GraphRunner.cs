using DaiChain.ModelRegistry.Evaluation.Onnx;
using DaiChain.ModelRegistry.Evaluation.Operators;
using DaiChain.ModelRegistry.Evaluation.Tensors;

namespace DaiChain.ModelRegistry.Evaluation.Runtime;

/// <summary>Runs a whole graph once on given input tensors: the conformance tests' and developer tools' entry point.</summary>
/// <remarks>
/// The same kernels as the benchmark path, without batching: every graph output is computed from the fed
/// tensors. Work is bounded by <see cref="EvaluationLimits.MaxWorkUnits"/> as the kernels declare it.
/// </remarks>
internal static class GraphRunner
{
    public static IReadOnlyDictionary<string, Tensor> Run(OnnxModel model, IReadOnlyDictionary<string, Tensor> inputs, EvaluationLimits limits)
    {
        var meter = new WorkMeter(limits.MaxWorkUnits, limits.MaxTensorElements);
        var values = new Dictionary<string, Tensor>(model.Initializers, StringComparer.Ordinal);
        foreach (var input in model.Inputs)
        {
            values[input.Name] = inputs.TryGetValue(input.Name, out var t)
                ? t
                : throw new OnnxModelException(ModelRejectionReason.BenchmarkMismatch, $"graph input '{input.Name}' is not given");
        }

        var needed = new HashSet<string>(model.Outputs.Select(o => o.Name), StringComparer.Ordinal);
        var keep = new bool[model.Nodes.Count];
        for (var i = model.Nodes.Count - 1; i >= 0; i--)
        {
            if (model.Nodes[i].Outputs.Any(needed.Contains))
            {
                keep[i] = true;
                needed.UnionWith(model.Nodes[i].Inputs.Where(n => n.Length > 0));
            }
        }

        for (var i = 0; i < keep.Length; i++)
        {
            if (!keep[i])
            {
                continue;
            }

            var node = model.Nodes[i];
            var kernel = KernelFactory.Create(node, limits);
            var outputs = kernel.Run(node.Inputs.Select(n => n.Length == 0 ? null : values[n]).ToArray(), meter);
            for (var k = 0; k < node.Outputs.Length; k++)
            {
                if (node.Outputs[k].Length > 0 && outputs[k] is { } t)
                {
                    values[node.Outputs[k]] = t;
                }
            }
        }

        return model.Outputs.ToDictionary(o => o.Name, o => values[o.Name], StringComparer.Ordinal);
    }
}
