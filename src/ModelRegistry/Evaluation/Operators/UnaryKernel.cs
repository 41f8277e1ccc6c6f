using DaiChain.ModelRegistry.Evaluation.Numerics;
using DaiChain.ModelRegistry.Evaluation.Onnx;
using DaiChain.ModelRegistry.Evaluation.Tensors;

namespace DaiChain.ModelRegistry.Evaluation.Operators;

/// <summary>Element-wise functions: Abs, Neg, Exp, Log, Sqrt, Reciprocal, Floor, Ceil, Relu, LeakyRelu, Sigmoid, Tanh.</summary>
/// <remarks>
/// Computed in double and rounded once to float32; exp, log, tanh and the logistic function come from
/// <see cref="DeterministicMath"/>, sqrt is IEEE-exact. Abs, Neg and Relu also accept integer tensors.
/// </remarks>
internal sealed class UnaryKernel : Kernel
{
    private readonly Func<double, double> _function;
    private readonly bool _acceptsIntegers;
    private readonly long _workPerElement;

    public UnaryKernel(OnnxNode node, NodeAttributes attributes)
        : base(node)
    {
        var alpha = node.OpType == "LeakyRelu" ? attributes.Float("alpha", 0.01f) : 0f;
        (_function, _acceptsIntegers, _workPerElement) = node.OpType switch
        {
            "Abs" => ((Func<double, double>)Math.Abs, true, 1L),
            "Neg" => (x => -x, true, 1L),
            "Exp" => (DeterministicMath.Exp, false, 20L),
            "Log" => (DeterministicMath.Log, false, 20L),
            "Sqrt" => (Math.Sqrt, false, 4L),
            "Reciprocal" => (x => 1.0 / x, false, 1L),
            "Floor" => (Math.Floor, false, 1L),
            "Ceil" => (Math.Ceiling, false, 1L),
            "Relu" => (x => x > 0 ? x : (double.IsNaN(x) ? x : 0.0), true, 1L),
            "LeakyRelu" => (x => x >= 0 ? x : x * alpha, false, 1L),
            "Sigmoid" => (DeterministicMath.Sigmoid, false, 20L),
            "Tanh" => (DeterministicMath.Tanh, false, 20L),
            _ => throw new ArgumentException(node.OpType, nameof(node)),
        };
        attributes.RejectUnread();
        LimitInputs(1);
        LimitOutputs(1);
    }

    public override Tensor?[] Run(Tensor?[] inputs, WorkMeter meter)
    {
        var x = Required(inputs, 0);
        if (!ElementTypes.IsFloating(x.Type) && !(_acceptsIntegers && ElementTypes.IsNumeric(x.Type)))
        {
            throw Mismatch($"element type {ElementTypes.Name(x.Type)} is not accepted");
        }

        meter.Add(x.ElementCount * _workPerElement, Node);
        if (!x.HasData)
        {
            return [Tensor.ShapeOnly(x.Type, x.Shape)];
        }

        switch (x.Type)
        {
            case ElementType.Float:
                {
                    var src = x.FloatData;
                    var dst = new float[src.Length];
                    if (Node.OpType == "Relu")
                    {
                        // The same function without the delegate call: max(x, 0), NaN kept.
                        for (var i = 0; i < src.Length; i++)
                        {
                            var v = src[i];
                            dst[i] = v > 0 || float.IsNaN(v) ? v : 0f;
                        }

                        return [Tensor.FromFloats(x.Shape, dst)];
                    }

                    for (var i = 0; i < src.Length; i++)
                    {
                        dst[i] = (float)_function(src[i]);
                    }

                    return [Tensor.FromFloats(x.Shape, dst)];
                }

            case ElementType.Double:
                {
                    var src = x.DoubleData;
                    var dst = new double[src.Length];
                    for (var i = 0; i < src.Length; i++)
                    {
                        dst[i] = _function(src[i]);
                    }

                    return [Tensor.FromDoubles(x.Shape, dst)];
                }

            default:
                {
                    var src = x.LongData;
                    var dst = new long[src.Length];
                    for (var i = 0; i < src.Length; i++)
                    {
                        var v = src[i];
                        dst[i] = ElementTypes.Wrap(x.Type, Node.OpType switch
                        {
                            "Abs" => v < 0 ? unchecked(-v) : v,
                            "Neg" => unchecked(-v),
                            _ => Math.Max(v, 0),
                        });
                    }

                    return [Tensor.FromLongs(x.Type, x.Shape, dst)];
                }
        }
    }
}
