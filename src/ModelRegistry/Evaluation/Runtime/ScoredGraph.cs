using DaiChain.ModelRegistry.Evaluation.Onnx;
using DaiChain.ModelRegistry.Evaluation.Operators;

namespace DaiChain.ModelRegistry.Evaluation.Runtime;

/// <summary>A model pruned to one target output: the kernels it needs, in graph order, and the graph inputs it reads.</summary>
internal sealed record ScoredGraph(OnnxModel Model, string Target, IReadOnlyList<Kernel> Kernels, IReadOnlyList<OnnxValueInfo> Inputs);
