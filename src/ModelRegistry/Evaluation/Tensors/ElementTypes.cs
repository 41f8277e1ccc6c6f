namespace DaiChain.ModelRegistry.Evaluation.Tensors;

/// <summary>How each <see cref="ElementType"/> is stored and named, and the integer wrap rules.</summary>
/// <remarks>
/// Every integer type and bool is stored in a <c>long[]</c>; after each integer operation the value is
/// wrapped to its type with <see cref="Wrap"/>, which is what two's-complement hardware does for the type.
/// </remarks>
internal static class ElementTypes
{
    public static bool IsDefined(int code) => code is 1 or 2 or 3 or 4 or 5 or 6 or 7 or 8 or 9 or 11 or 12;

    public static bool IsFloating(ElementType type) => type is ElementType.Float or ElementType.Double;

    public static bool IsInteger(ElementType type) =>
        type is ElementType.UInt8 or ElementType.Int8 or ElementType.UInt16 or ElementType.Int16
            or ElementType.Int32 or ElementType.Int64 or ElementType.UInt32 or ElementType.Bool;

    public static bool IsNumeric(ElementType type) => IsFloating(type) || (IsInteger(type) && type != ElementType.Bool);

    /// <summary>Bytes per element in ONNX <c>raw_data</c>; 0 for strings (which have no raw form).</summary>
    public static int RawSize(ElementType type) => type switch
    {
        ElementType.Float => 4,
        ElementType.Double => 8,
        ElementType.Int64 => 8,
        ElementType.Int32 or ElementType.UInt32 => 4,
        ElementType.Int16 or ElementType.UInt16 => 2,
        ElementType.Int8 or ElementType.UInt8 or ElementType.Bool => 1,
        _ => 0,
    };

    /// <summary>Wraps a 64-bit value to the range of an integer type (bool: non-zero is 1).</summary>
    public static long Wrap(ElementType type, long value) => type switch
    {
        ElementType.Int64 => value,
        ElementType.Int32 => (int)value,
        ElementType.UInt32 => (uint)value,
        ElementType.Int16 => (short)value,
        ElementType.UInt16 => (ushort)value,
        ElementType.Int8 => (sbyte)value,
        ElementType.UInt8 => (byte)value,
        ElementType.Bool => value != 0 ? 1 : 0,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "not an integer type"),
    };

    /// <summary>The smallest and largest value of an integer type, for saturating casts.</summary>
    public static (long Min, long Max) Range(ElementType type) => type switch
    {
        ElementType.Int64 => (long.MinValue, long.MaxValue),
        ElementType.Int32 => (int.MinValue, int.MaxValue),
        ElementType.UInt32 => (0, uint.MaxValue),
        ElementType.Int16 => (short.MinValue, short.MaxValue),
        ElementType.UInt16 => (0, ushort.MaxValue),
        ElementType.Int8 => (sbyte.MinValue, sbyte.MaxValue),
        ElementType.UInt8 => (0, byte.MaxValue),
        ElementType.Bool => (0, 1),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "not an integer type"),
    };

    public static string Name(ElementType type) => type switch
    {
        ElementType.Float => "float",
        ElementType.Double => "double",
        ElementType.Int64 => "int64",
        ElementType.Int32 => "int32",
        ElementType.UInt32 => "uint32",
        ElementType.Int16 => "int16",
        ElementType.UInt16 => "uint16",
        ElementType.Int8 => "int8",
        ElementType.UInt8 => "uint8",
        ElementType.Bool => "bool",
        ElementType.String => "string",
        _ => "unknown",
    };

    /// <summary>The name of any ONNX data type code, supported or not, for error messages.</summary>
    public static string CodeName(int code) => code switch
    {
        0 => "undefined",
        10 => "float16",
        13 => "uint64",
        14 => "complex64",
        15 => "complex128",
        16 => "bfloat16",
        17 or 18 or 19 or 20 => "float8",
        21 => "uint4",
        22 => "int4",
        _ when IsDefined(code) => Name((ElementType)code),
        _ => $"type code {code}",
    };
}
