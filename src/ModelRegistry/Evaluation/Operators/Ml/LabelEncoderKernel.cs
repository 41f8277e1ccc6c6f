using DaiChain.ModelRegistry.Evaluation.Onnx;
using DaiChain.ModelRegistry.Evaluation.Tensors;

namespace DaiChain.ModelRegistry.Evaluation.Operators.Ml;

/// <summary>LabelEncoder: ai.onnx.ml 1 (classes_strings, int64 ↔ string) and 2-3 (keys_* → values_* with defaults).</summary>
/// <remarks>Float keys match by value (−0 equals 0, and a NaN key matches NaN).</remarks>
internal sealed class LabelEncoderKernel : Kernel
{
    private readonly Dictionary<string, int>? _stringKeys;
    private readonly Dictionary<long, int>? _intKeys;
    private readonly Dictionary<float, int>? _floatKeys;
    private readonly ElementType _keyType;
    private readonly ElementType _valueType;
    private readonly string[]? _stringValues;
    private readonly long[]? _intValues;
    private readonly float[]? _floatValues;
    private readonly string _defaultString;
    private readonly long _defaultInt;
    private readonly float _defaultFloat;
    private readonly int _count;

    public LabelEncoderKernel(OnnxNode node, NodeAttributes attributes)
        : base(node)
    {
        _defaultString = attributes.String("default_string", "_Unused");
        _defaultInt = attributes.Int("default_int64", -1);
        if (node.OpsetVersion == 1)
        {
            // v1: int64 input → classes_strings[x]; string input → index in classes_strings. Typed by the input at run time.
            var classes = attributes.Strings("classes_strings") ?? [];
            _stringValues = classes;
            _stringKeys = Index(classes, attributes, "classes_strings");
            _intValues = Enumerable.Range(0, classes.Length).Select(i => (long)i).ToArray();
            _count = classes.Length;
            _keyType = ElementType.String;
            _valueType = ElementType.Int64;
        }
        else
        {
            _defaultFloat = attributes.Float("default_float", -0f);
            var keyStrings = attributes.Strings("keys_strings");
            var keyInts = attributes.Ints("keys_int64s");
            var keyFloats = attributes.Floats("keys_floats");
            _stringValues = attributes.Strings("values_strings");
            _intValues = attributes.Ints("values_int64s");
            _floatValues = attributes.Floats("values_floats");
            if (new object?[] { keyStrings, keyInts, keyFloats }.Count(k => k is not null) != 1
                || new object?[] { _stringValues, _intValues, _floatValues }.Count(v => v is not null) != 1)
            {
                throw Invalid("exactly one keys_* and one values_* attribute are required");
            }

            _count = keyStrings?.Length ?? keyInts?.Length ?? keyFloats!.Length;
            var valueCount = _stringValues?.Length ?? _intValues?.Length ?? _floatValues!.Length;
            if (valueCount != _count)
            {
                throw Invalid("keys and values differ in length");
            }

            if (keyStrings is not null)
            {
                _keyType = ElementType.String;
                _stringKeys = Index(keyStrings, attributes, "keys_strings");
            }
            else if (keyInts is not null)
            {
                _keyType = ElementType.Int64;
                _intKeys = Index(keyInts, attributes, "keys_int64s");
            }
            else
            {
                _keyType = ElementType.Float;
                _floatKeys = Index(keyFloats!, attributes, "keys_floats");
            }

            _valueType = _stringValues is not null ? ElementType.String : _intValues is not null ? ElementType.Int64 : ElementType.Float;
        }

        attributes.RejectUnread();
        LimitInputs(1);
        LimitOutputs(1);
    }

    public override Tensor?[] Run(Tensor?[] inputs, WorkMeter meter)
    {
        var x = Required(inputs, 0);
        var v1IntToString = Node.OpsetVersion == 1 && x.Type == ElementType.Int64;
        var expected = v1IntToString ? ElementType.Int64 : _keyType;
        var outType = v1IntToString ? ElementType.String : _valueType;
        if (x.Type != expected)
        {
            throw Mismatch($"input is {ElementTypes.Name(x.Type)}, the keys are {ElementTypes.Name(expected)}");
        }

        meter.Add(x.ElementCount, Node);
        if (!x.HasData)
        {
            return [Tensor.ShapeOnly(outType, x.Shape)];
        }

        var n = x.Length;
        var found = new int[n];
        for (var i = 0; i < n; i++)
        {
            found[i] = v1IntToString
                ? (x.LongData[i] >= 0 && x.LongData[i] < _count ? (int)x.LongData[i] : -1)
                : x.Type switch
                {
                    ElementType.String => _stringKeys!.GetValueOrDefault(x.StringData[i], -1),
                    ElementType.Int64 => _intKeys!.GetValueOrDefault(x.LongData[i], -1),
                    _ => _floatKeys!.GetValueOrDefault(x.FloatData[i], -1),
                };
        }

        return [outType switch
        {
            ElementType.String => Tensor.FromStrings(x.Shape, found.Select(k => k < 0 ? _defaultString : _stringValues![k]).ToArray()),
            ElementType.Int64 => Tensor.FromLongs(ElementType.Int64, x.Shape, found.Select(k => k < 0 ? _defaultInt : _intValues![k]).ToArray()),
            _ => Tensor.FromFloats(x.Shape, found.Select(k => k < 0 ? _defaultFloat : _floatValues![k]).ToArray()),
        }];
    }

    private static Dictionary<T, int> Index<T>(T[] keys, NodeAttributes attributes, string name)
        where T : notnull
    {
        var index = new Dictionary<T, int>(keys.Length);
        for (var i = 0; i < keys.Length; i++)
        {
            if (!index.TryAdd(keys[i], i))
            {
                throw attributes.Invalid(name, "a key is listed twice");
            }
        }

        return index;
    }
}
