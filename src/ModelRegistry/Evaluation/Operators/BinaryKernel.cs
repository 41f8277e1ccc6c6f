using DaiChain.ModelRegistry.Evaluation.Onnx;
using DaiChain.ModelRegistry.Evaluation.Tensors;

namespace DaiChain.ModelRegistry.Evaluation.Operators;

/// <summary>Add, Sub, Mul, Div with numpy broadcasting (opset 7 and later semantics).</summary>
/// <remarks>
/// Float32: each result is computed in double and rounded once, which equals the correctly rounded float32
/// operation. Integers: wrapped to the type; Div truncates toward zero and rejects division by zero.
/// </remarks>
internal sealed class BinaryKernel : Kernel
{
    private readonly char _op;

    public BinaryKernel(OnnxNode node, NodeAttributes attributes)
        : base(node)
    {
        _op = node.OpType switch
        {
            "Add" => '+',
            "Sub" => '-',
            "Mul" => '*',
            "Div" => '/',
            _ => throw new ArgumentException(node.OpType, nameof(node)),
        };
        attributes.RejectUnread();
        LimitInputs(2);
        LimitOutputs(1);
    }

    public override Tensor?[] Run(Tensor?[] inputs, WorkMeter meter)
    {
        var a = Required(inputs, 0);
        var b = Required(inputs, 1);
        if (a.Type != b.Type)
        {
            throw Mismatch($"input types differ ({ElementTypes.Name(a.Type)} and {ElementTypes.Name(b.Type)})");
        }

        if (a.Type == ElementType.String)
        {
            throw Mismatch("string inputs are not numeric");
        }

        var shape = Shapes.Broadcast(a.Shape, b.Shape)
            ?? throw Mismatch($"shapes {Shapes.Format(a.Shape)} and {Shapes.Format(b.Shape)} do not broadcast");
        meter.CheckShape(shape, Node);
        meter.Add(Shapes.ElementCount(shape), Node);
        if (!AllHaveData(a, b))
        {
            return [Tensor.ShapeOnly(a.Type, shape)];
        }

        return [a.Type switch
        {
            ElementType.Float => Float(a, b, shape),
            ElementType.Double => Double(a, b, shape),
            _ => Integer(a, b, shape),
        }];
    }

    private Tensor Float(Tensor a, Tensor b, int[] shape)
    {
        var x = a.FloatData;
        var y = b.FloatData;
        var z = new float[checked((int)Shapes.ElementCount(shape))];
        var op = _op;
        Broadcasting.ForEachRow(shape, a.Shape, b.Shape, (o, ia, sa, ib, sb, n) =>
        {
            for (var i = 0; i < n; i++)
            {
                double p = x[ia + (i * sa)];
                double q = y[ib + (i * sb)];
                z[o + i] = (float)(op switch
                {
                    '+' => p + q,
                    '-' => p - q,
                    '*' => p * q,
                    _ => p / q,
                });
            }
        });
        return Tensor.FromFloats(shape, z);
    }

    private Tensor Double(Tensor a, Tensor b, int[] shape)
    {
        var x = a.DoubleData;
        var y = b.DoubleData;
        var z = new double[checked((int)Shapes.ElementCount(shape))];
        var op = _op;
        Broadcasting.ForEachRow(shape, a.Shape, b.Shape, (o, ia, sa, ib, sb, n) =>
        {
            for (var i = 0; i < n; i++)
            {
                var p = x[ia + (i * sa)];
                var q = y[ib + (i * sb)];
                z[o + i] = op switch
                {
                    '+' => p + q,
                    '-' => p - q,
                    '*' => p * q,
                    _ => p / q,
                };
            }
        });
        return Tensor.FromDoubles(shape, z);
    }

    private Tensor Integer(Tensor a, Tensor b, int[] shape)
    {
        var x = a.LongData;
        var y = b.LongData;
        var z = new long[checked((int)Shapes.ElementCount(shape))];
        var type = a.Type;
        var op = _op;
        var divideByZero = false;
        Broadcasting.ForEachRow(shape, a.Shape, b.Shape, (o, ia, sa, ib, sb, n) =>
        {
            for (var i = 0; i < n; i++)
            {
                var p = x[ia + (i * sa)];
                var q = y[ib + (i * sb)];
                long r;
                switch (op)
                {
                    case '+':
                        r = unchecked(p + q);
                        break;
                    case '-':
                        r = unchecked(p - q);
                        break;
                    case '*':
                        r = unchecked(p * q);
                        break;
                    default:
                        if (q == 0)
                        {
                            divideByZero = true;
                            r = 0;
                        }
                        else
                        {
                            r = q == -1 ? unchecked(-p) : p / q;
                        }

                        break;
                }

                z[o + i] = ElementTypes.Wrap(type, r);
            }
        });
        if (divideByZero)
        {
            throw RuntimeFailure("integer division by zero");
        }

        return Tensor.FromLongs(type, shape, z);
    }
}
