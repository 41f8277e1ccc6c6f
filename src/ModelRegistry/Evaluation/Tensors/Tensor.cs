namespace DaiChain.ModelRegistry.Evaluation.Tensors;

/// <summary>
/// A dense, row-major tensor of one <see cref="ElementType"/>, or a shape-only placeholder of one.
/// </summary>
/// <remarks>
/// Storage: <c>float[]</c> for float, <c>double[]</c> for double, <c>long[]</c> for every integer type and
/// bool, <c>string[]</c> for strings. A shape-only tensor (<see cref="HasData"/> false) stands for a value
/// whose shape is known but whose data depends on the benchmark's features; the planner runs the graph
/// on such tensors to learn every shape and the work before any data is touched. Tensors are immutable
/// once built: kernels never write to their inputs.
/// </remarks>
internal sealed class Tensor
{
    private Tensor(ElementType type, int[] shape, long count, float[]? floats, double[]? doubles, long[]? longs, string[]? strings)
    {
        Type = type;
        Shape = shape;
        ElementCount = count;
        Floats = floats;
        Doubles = doubles;
        Longs = longs;
        Strings = strings;
    }

    public ElementType Type { get; }

    public int[] Shape { get; }

    public int Rank => Shape.Length;

    /// <summary>The product of the dimensions (1 for a scalar).</summary>
    public long ElementCount { get; }

    /// <summary>Element count as an index type; only valid for tensors with data, which are capped below 2^31.</summary>
    public int Length => checked((int)ElementCount);

    public float[]? Floats { get; }

    public double[]? Doubles { get; }

    public long[]? Longs { get; }

    public string[]? Strings { get; }

    public bool HasData => Floats is not null || Doubles is not null || Longs is not null || Strings is not null;

    public float[] FloatData => Floats ?? throw new InvalidOperationException($"tensor is {ElementTypes.Name(Type)}, not float");

    public double[] DoubleData => Doubles ?? throw new InvalidOperationException($"tensor is {ElementTypes.Name(Type)}, not double");

    public long[] LongData => Longs ?? throw new InvalidOperationException($"tensor is {ElementTypes.Name(Type)}, not an integer type");

    public string[] StringData => Strings ?? throw new InvalidOperationException($"tensor is {ElementTypes.Name(Type)}, not string");

    public static Tensor FromFloats(int[] shape, float[] data) => Checked(ElementType.Float, shape, data.Length, data, null, null, null);

    public static Tensor FromDoubles(int[] shape, double[] data) => Checked(ElementType.Double, shape, data.Length, null, data, null, null);

    public static Tensor FromLongs(ElementType type, int[] shape, long[] data)
    {
        if (!ElementTypes.IsInteger(type))
        {
            throw new ArgumentException($"{ElementTypes.Name(type)} is not an integer type", nameof(type));
        }

        return Checked(type, shape, data.Length, null, null, data, null);
    }

    public static Tensor FromStrings(int[] shape, string[] data) => Checked(ElementType.String, shape, data.Length, null, null, null, data);

    public static Tensor ShapeOnly(ElementType type, int[] shape) => new(type, shape, Shapes.ElementCount(shape), null, null, null, null);

    /// <summary>A new tensor of the given type and shape, zero-filled (empty strings for strings).</summary>
    public static Tensor Allocate(ElementType type, int[] shape)
    {
        var count = checked((int)Shapes.ElementCount(shape));
        return type switch
        {
            ElementType.Float => FromFloats(shape, new float[count]),
            ElementType.Double => FromDoubles(shape, new double[count]),
            ElementType.String => FromStrings(shape, Enumerable.Repeat(string.Empty, count).ToArray()),
            _ => FromLongs(type, shape, new long[count]),
        };
    }

    public static Tensor ScalarLong(ElementType type, long value) => FromLongs(type, [], [value]);

    public static Tensor Vector(long[] values) => FromLongs(ElementType.Int64, [values.Length], values);

    /// <summary>The same data viewed with another shape of the same element count (no copy).</summary>
    public Tensor WithShape(int[] shape)
    {
        var count = Shapes.ElementCount(shape);
        if (count != ElementCount)
        {
            throw new ArgumentException($"shape {Shapes.Format(shape)} has {count} elements, tensor has {ElementCount}", nameof(shape));
        }

        return new Tensor(Type, shape, count, Floats, Doubles, Longs, Strings);
    }

    /// <summary>Element <paramref name="index"/> as a double (integers and bools converted exactly up to 2^53).</summary>
    public double GetDouble(int index) => Type switch
    {
        ElementType.Float => FloatData[index],
        ElementType.Double => DoubleData[index],
        ElementType.String => throw new InvalidOperationException("string tensor has no numeric value"),
        _ => LongData[index],
    };

    public override string ToString() => $"{ElementTypes.Name(Type)}{Shapes.Format(Shape)}{(HasData ? string.Empty : " (shape only)")}";

    private static Tensor Checked(ElementType type, int[] shape, int dataLength, float[]? f, double[]? d, long[]? l, string[]? s)
    {
        var count = Shapes.ElementCount(shape);
        if (count != dataLength)
        {
            throw new ArgumentException($"shape {Shapes.Format(shape)} needs {count} elements, data has {dataLength}");
        }

        return new Tensor(type, shape, count, f, d, l, s);
    }
}
