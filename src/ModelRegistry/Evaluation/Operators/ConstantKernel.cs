using DaiChain.ModelRegistry.Evaluation.Onnx;
using DaiChain.ModelRegistry.Evaluation.Tensors;

namespace DaiChain.ModelRegistry.Evaluation.Operators;

/// <summary>Constant: exactly one of value, value_float(s), value_int(s), value_string(s).</summary>
internal sealed class ConstantKernel : Kernel
{
    private readonly Tensor _value;

    public ConstantKernel(OnnxNode node, NodeAttributes attributes)
        : base(node)
    {
        var candidates = new List<Tensor>();
        if (attributes.Tensor("value") is { } t)
        {
            candidates.Add(t);
        }

        if (attributes.Has("value_float"))
        {
            candidates.Add(Tensor.FromFloats([], [attributes.Float("value_float", 0f)]));
        }

        if (attributes.Floats("value_floats") is { } fs)
        {
            candidates.Add(Tensor.FromFloats([fs.Length], fs));
        }

        if (attributes.Has("value_int"))
        {
            candidates.Add(Tensor.ScalarLong(ElementType.Int64, attributes.Int("value_int", 0)));
        }

        if (attributes.Ints("value_ints") is { } ints)
        {
            candidates.Add(Tensor.Vector(ints));
        }

        if (attributes.Has("value_string"))
        {
            candidates.Add(Tensor.FromStrings([], [attributes.String("value_string", string.Empty)]));
        }

        if (attributes.Strings("value_strings") is { } ss)
        {
            candidates.Add(Tensor.FromStrings([ss.Length], ss));
        }

        attributes.RejectUnread();
        if (candidates.Count != 1)
        {
            throw Invalid("exactly one value attribute is required");
        }

        _value = candidates[0];
        LimitInputs(0);
        LimitOutputs(1);
    }

    public override Tensor?[] Run(Tensor?[] inputs, WorkMeter meter)
    {
        meter.Add(1, Node);
        return [_value];
    }
}
