using System.Globalization;
using DaiChain.ModelRegistry.Evaluation.Onnx;
using DaiChain.ModelRegistry.Evaluation.Tensors;

namespace DaiChain.ModelRegistry.Evaluation.Operators;

/// <summary>One node's operator, configured from its attributes and opset version.</summary>
/// <remarks>
/// <para>
/// A kernel is built once per node (attributes are validated then) and is stateless afterwards, so one kernel
/// may run batches on several threads. <see cref="Run"/> first computes output shapes and declares its work to
/// the <see cref="WorkMeter"/>; if any data input is shape-only it returns shape-only outputs, otherwise it
/// computes the values. The planner uses the first mode to learn every shape and the total work before the
/// benchmark data is touched, and to fold everything that depends only on constants.
/// </para>
/// <para>
/// Determinism rules for every kernel: scalar loops in a fixed order; reductions accumulate in double;
/// float32 outputs are rounded once from double; transcendental functions come from
/// <see cref="Numerics.DeterministicMath"/>.
/// </para>
/// </remarks>
internal abstract class Kernel
{
    protected Kernel(OnnxNode node)
    {
        Node = node;
    }

    public OnnxNode Node { get; }

    /// <summary>Input values are indexed as the node's inputs; null for an omitted optional input.</summary>
    /// <returns>One tensor per node output; null only for an omitted (empty-named) output.</returns>
    public abstract Tensor?[] Run(Tensor?[] inputs, WorkMeter meter);

    /// <summary>Input positions whose values (not only shapes) the kernel needs to compute output shapes.</summary>
    public virtual IReadOnlyList<int> ShapeInputs => [];

    protected Tensor Required(Tensor?[] inputs, int index)
    {
        if (index >= inputs.Length || inputs[index] is null)
        {
            throw Invalid(string.Create(CultureInfo.InvariantCulture, $"input {index} is required"));
        }

        return inputs[index]!;
    }

    protected static Tensor? Optional(Tensor?[] inputs, int index) => index < inputs.Length ? inputs[index] : null;

    /// <summary>An input whose values are needed at planning time (a shape, axes, a bound) must be constant by then.</summary>
    protected Tensor RequireValues(Tensor tensor, string what)
    {
        if (!tensor.HasData)
        {
            throw new OnnxModelException(ModelRejectionReason.ShapeMismatch,
                $"{what} of {Node.Describe()} depends on the benchmark data; it must be computable from constants and input shapes");
        }

        return tensor;
    }

    protected void RequireType(Tensor tensor, string what, params ElementType[] allowed)
    {
        if (Array.IndexOf(allowed, tensor.Type) < 0)
        {
            throw Mismatch($"{what} has element type {ElementTypes.Name(tensor.Type)}; accepted: {string.Join(", ", allowed.Select(ElementTypes.Name))}");
        }
    }

    protected void RequireFloating(Tensor tensor, string what) => RequireType(tensor, what, ElementType.Float, ElementType.Double);

    protected static bool AllHaveData(params Tensor?[] tensors) => tensors.All(t => t is null || t.HasData);

    protected OnnxModelException Mismatch(string message) =>
        new(ModelRejectionReason.ShapeMismatch, $"{Node.Describe()}: {message}");

    protected OnnxModelException Invalid(string message) =>
        new(ModelRejectionReason.InvalidAttribute, $"{Node.Describe()}: {message}");

    protected OnnxModelException RuntimeFailure(string message) =>
        new(ModelRejectionReason.RuntimeFailure, $"{Node.Describe()}: {message}");

    /// <summary>Rejects outputs the kernel cannot produce (beyond the first <paramref name="supported"/>).</summary>
    protected void LimitOutputs(int supported)
    {
        for (var i = supported; i < Node.Outputs.Length; i++)
        {
            if (Node.Outputs[i].Length > 0)
            {
                throw Invalid(string.Create(CultureInfo.InvariantCulture, $"output {i} ('{Node.Outputs[i]}') is not supported; only the first {supported} output(s) can be produced"));
            }
        }
    }

    protected void LimitInputs(int max)
    {
        if (Node.Inputs.Length > max)
        {
            throw Invalid(string.Create(CultureInfo.InvariantCulture, $"has {Node.Inputs.Length} inputs, at most {max} are accepted"));
        }
    }

    protected int NormalizeAxis(long axis, int rank, string what = "axis")
    {
        var a = Shapes.NormalizeAxis(axis, rank);
        if (a < 0)
        {
            throw Invalid(string.Create(CultureInfo.InvariantCulture, $"{what} {axis} is out of range for rank {rank}"));
        }

        return a;
    }

    /// <summary>Converts int64 dimension values to int, rejecting negatives and anything over the cap.</summary>
    protected int[] ToDims(ReadOnlySpan<long> values, WorkMeter meter, string what)
    {
        var dims = new int[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] < 0 || values[i] > meter.MaxTensorElements)
            {
                throw Mismatch(string.Create(CultureInfo.InvariantCulture, $"{what} has dimension {values[i]}"));
            }

            dims[i] = (int)values[i];
        }

        return dims;
    }
}
