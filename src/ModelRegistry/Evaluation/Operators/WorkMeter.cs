using System.Globalization;
using DaiChain.ModelRegistry.Evaluation.Onnx;

namespace DaiChain.ModelRegistry.Evaluation.Operators;

/// <summary>Counts the work units that kernels declare before they compute, and stops at a budget.</summary>
/// <remarks>
/// Kernels call <see cref="Add"/> with the cost computed from their input shapes before their loops run, so a
/// budget violation stops the work before it is done. The count is a function of shapes only: the same graph
/// and batch size give the same count on every machine.
/// </remarks>
internal sealed class WorkMeter
{
    private readonly long _budget;

    public WorkMeter(long budget, int maxTensorElements)
    {
        _budget = budget;
        MaxTensorElements = maxTensorElements;
    }

    /// <summary>A meter without a work budget, for runs whose work the plan already bounded.</summary>
    public static WorkMeter Unbounded(int maxTensorElements) => new(long.MaxValue, maxTensorElements);

    public int MaxTensorElements { get; }

    public long Units { get; private set; }

    public void Add(long units, OnnxNode node)
    {
        if (units < 0 || units > _budget - Units)
        {
            throw new OnnxModelException(ModelRejectionReason.WorkBudgetExceeded,
                string.Create(CultureInfo.InvariantCulture,
                    $"node {node.Describe()} needs {(units < 0 ? "more than 2^63" : units.ToString(CultureInfo.InvariantCulture))} work units, which exceeds the remaining budget of {_budget - Units} (budget {_budget})"));
        }

        Units += units;
    }

    /// <summary>Rejects an output shape whose element count exceeds the tensor cap, before it is allocated.</summary>
    public void CheckShape(ReadOnlySpan<int> shape, OnnxNode node)
    {
        var count = Tensors.Shapes.ElementCount(shape);
        if (count > MaxTensorElements)
        {
            throw new OnnxModelException(ModelRejectionReason.TooLarge,
                string.Create(CultureInfo.InvariantCulture,
                    $"node {node.Describe()} would produce a tensor of shape {Tensors.Shapes.Format(shape)} ({count} elements), more than the limit of {MaxTensorElements}"));
        }
    }
}
