using DaiChain.ModelRegistry.Evaluation.Operators;

namespace DaiChain.ModelRegistry.Evaluation.Runtime;

/// <summary>One node to run per batch, with the output shapes the plan computed and the values it frees afterwards.</summary>
internal sealed class PlanStep
{
    public required Kernel Kernel { get; init; }

    public required int[]?[] OutputShapes { get; init; }

    /// <summary>Values no later step needs; dropped after this step to bound memory.</summary>
    public required string[] Release { get; init; }
}
