using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using DaiChain.ModelRegistry.Evaluation.Tensors;

namespace DaiChain.ModelRegistry.Evaluation.Onnx;

/// <summary>Turns a <see cref="TensorProto"/> into a <see cref="Tensor"/>, checking every rule on the way.</summary>
/// <remarks>
/// Rules: no external data and no segments; a supported element type; non-negative dimensions within the rank
/// and element caps; data in exactly one place (<c>raw_data</c> or the one typed field that matches the type);
/// <c>raw_data</c> length equal to elements × element size; typed values within their type's range; strings
/// valid UTF-8.
/// </remarks>
internal static class OnnxTensorDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static Tensor Decode(TensorProto proto, EvaluationLimits limits, string where)
    {
        if (proto.DataLocation == TensorProto.Types.DataLocation.External || proto.ExternalData.Count > 0)
        {
            throw new OnnxModelException(ModelRejectionReason.ForbiddenConstruct,
                $"{where}: external data is not accepted (it would read files outside the model); embed the weights in the model");
        }

        if (!proto.Segment.IsEmpty)
        {
            throw new OnnxModelException(ModelRejectionReason.ForbiddenConstruct, $"{where}: segmented tensors are not accepted");
        }

        var code = proto.DataType;
        if (!ElementTypes.IsDefined(code))
        {
            throw new OnnxModelException(ModelRejectionReason.UnsupportedElementType,
                $"{where}: element type {ElementTypes.CodeName(code)} is not supported");
        }

        var type = (ElementType)code;
        if (proto.Dims.Count > limits.MaxRank)
        {
            throw new OnnxModelException(ModelRejectionReason.TooLarge, $"{where}: rank {proto.Dims.Count} exceeds {limits.MaxRank}");
        }

        var shape = new int[proto.Dims.Count];
        long count = 1;
        for (var i = 0; i < shape.Length; i++)
        {
            var d = proto.Dims[i];
            if (d < 0)
            {
                throw new OnnxModelException(ModelRejectionReason.InvalidTensor, $"{where}: negative dimension {d}");
            }

            if (d > limits.MaxTensorElements || (count *= d) > limits.MaxTensorElements)
            {
                throw new OnnxModelException(ModelRejectionReason.TooLarge,
                    $"{where}: more than {limits.MaxTensorElements} elements");
            }

            shape[i] = (int)d;
        }

        var n = (int)count;
        var hasRaw = !proto.RawData.IsEmpty;
        var typedFields = TypedFieldsPresent(proto);
        if (hasRaw && typedFields.Count > 0)
        {
            throw new OnnxModelException(ModelRejectionReason.InvalidTensor,
                $"{where}: data is in both raw_data and {typedFields[0]}");
        }

        if (typedFields.Count > 1)
        {
            throw new OnnxModelException(ModelRejectionReason.InvalidTensor,
                $"{where}: data is in both {typedFields[0]} and {typedFields[1]}");
        }

        if (hasRaw)
        {
            return DecodeRaw(proto.RawData.Span, type, shape, n, where);
        }

        var expectedField = TypedField(type);
        if (typedFields.Count == 1 && typedFields[0] != expectedField)
        {
            throw new OnnxModelException(ModelRejectionReason.InvalidTensor,
                $"{where}: {ElementTypes.Name(type)} data must be in {expectedField} or raw_data, not {typedFields[0]}");
        }

        return DecodeTyped(proto, type, shape, n, where);
    }

    private static Tensor DecodeRaw(ReadOnlySpan<byte> raw, ElementType type, int[] shape, int n, string where)
    {
        var size = ElementTypes.RawSize(type);
        if (size == 0)
        {
            throw new OnnxModelException(ModelRejectionReason.InvalidTensor, $"{where}: string tensors cannot use raw_data");
        }

        if (raw.Length != (long)n * size)
        {
            throw new OnnxModelException(ModelRejectionReason.InvalidTensor,
                string.Create(CultureInfo.InvariantCulture,
                    $"{where}: raw_data has {raw.Length} bytes, dims {Shapes.Format(shape)} of {ElementTypes.Name(type)} need {(long)n * size}"));
        }

        switch (type)
        {
            case ElementType.Float:
                {
                    var data = new float[n];
                    for (var i = 0; i < n; i++)
                    {
                        data[i] = BinaryPrimitives.ReadSingleLittleEndian(raw[(i * 4)..]);
                    }

                    return Tensor.FromFloats(shape, data);
                }

            case ElementType.Double:
                {
                    var data = new double[n];
                    for (var i = 0; i < n; i++)
                    {
                        data[i] = BinaryPrimitives.ReadDoubleLittleEndian(raw[(i * 8)..]);
                    }

                    return Tensor.FromDoubles(shape, data);
                }

            default:
                {
                    var data = new long[n];
                    for (var i = 0; i < n; i++)
                    {
                        var at = raw[(i * size)..];
                        data[i] = type switch
                        {
                            ElementType.Int64 => BinaryPrimitives.ReadInt64LittleEndian(at),
                            ElementType.Int32 => BinaryPrimitives.ReadInt32LittleEndian(at),
                            ElementType.UInt32 => BinaryPrimitives.ReadUInt32LittleEndian(at),
                            ElementType.Int16 => BinaryPrimitives.ReadInt16LittleEndian(at),
                            ElementType.UInt16 => BinaryPrimitives.ReadUInt16LittleEndian(at),
                            ElementType.Int8 => (sbyte)at[0],
                            ElementType.UInt8 => at[0],
                            ElementType.Bool => at[0] <= 1
                                ? at[0]
                                : throw new OnnxModelException(ModelRejectionReason.InvalidTensor, $"{where}: bool value {at[0]} is not 0 or 1"),
                            _ => throw new InvalidOperationException("unreachable"),
                        };
                    }

                    return Tensor.FromLongs(type, shape, data);
                }
        }
    }

    private static Tensor DecodeTyped(TensorProto proto, ElementType type, int[] shape, int n, string where)
    {
        var available = type switch
        {
            ElementType.Float => proto.FloatData.Count,
            ElementType.Double => proto.DoubleData.Count,
            ElementType.Int64 => proto.Int64Data.Count,
            ElementType.UInt32 => proto.Uint64Data.Count,
            ElementType.String => proto.StringData.Count,
            _ => proto.Int32Data.Count,
        };
        if (available != n)
        {
            throw new OnnxModelException(ModelRejectionReason.InvalidTensor,
                string.Create(CultureInfo.InvariantCulture,
                    $"{where}: {TypedField(type)} has {available} values, dims {Shapes.Format(shape)} need {n}"));
        }

        switch (type)
        {
            case ElementType.Float:
                return Tensor.FromFloats(shape, [.. proto.FloatData]);
            case ElementType.Double:
                return Tensor.FromDoubles(shape, [.. proto.DoubleData]);
            case ElementType.Int64:
                return Tensor.FromLongs(type, shape, [.. proto.Int64Data]);
            case ElementType.String:
                {
                    var data = new string[n];
                    for (var i = 0; i < n; i++)
                    {
                        data[i] = DecodeUtf8(proto.StringData[i].Span, where);
                    }

                    return Tensor.FromStrings(shape, data);
                }

            case ElementType.UInt32:
                {
                    var data = new long[n];
                    for (var i = 0; i < n; i++)
                    {
                        var v = proto.Uint64Data[i];
                        data[i] = v <= uint.MaxValue
                            ? (long)v
                            : throw new OnnxModelException(ModelRejectionReason.InvalidTensor, $"{where}: value {v} out of range for uint32");
                    }

                    return Tensor.FromLongs(type, shape, data);
                }

            default:
                {
                    var (min, max) = ElementTypes.Range(type);
                    var data = new long[n];
                    for (var i = 0; i < n; i++)
                    {
                        long v = proto.Int32Data[i];
                        data[i] = v >= min && v <= max
                            ? v
                            : throw new OnnxModelException(ModelRejectionReason.InvalidTensor,
                                string.Create(CultureInfo.InvariantCulture, $"{where}: value {v} out of range for {ElementTypes.Name(type)}"));
                    }

                    return Tensor.FromLongs(type, shape, data);
                }
        }
    }

    public static string DecodeUtf8(ReadOnlySpan<byte> bytes, string where)
    {
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            throw new OnnxModelException(ModelRejectionReason.InvalidTensor, $"{where}: a string is not valid UTF-8", e);
        }
    }

    private static string TypedField(ElementType type) => type switch
    {
        ElementType.Float => "float_data",
        ElementType.Double => "double_data",
        ElementType.Int64 => "int64_data",
        ElementType.UInt32 => "uint64_data",
        ElementType.String => "string_data",
        _ => "int32_data",
    };

    private static List<string> TypedFieldsPresent(TensorProto proto)
    {
        var fields = new List<string>(1);
        if (proto.FloatData.Count > 0)
        {
            fields.Add("float_data");
        }

        if (proto.DoubleData.Count > 0)
        {
            fields.Add("double_data");
        }

        if (proto.Int32Data.Count > 0)
        {
            fields.Add("int32_data");
        }

        if (proto.Int64Data.Count > 0)
        {
            fields.Add("int64_data");
        }

        if (proto.Uint64Data.Count > 0)
        {
            fields.Add("uint64_data");
        }

        if (proto.StringData.Count > 0)
        {
            fields.Add("string_data");
        }

        return fields;
    }
}
