using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace DaiChain.Node.Rpc.Schema;

/// <summary>
/// A JSON Schema fragment checked once when a method is registered and then used to validate parameters.
/// </summary>
/// <remarks>
/// The schema published in the OpenRPC document is the one enforced, so a schema may only use keywords this
/// validator understands: <see cref="SupportedKeywords"/> constrain, <see cref="AnnotationKeywords"/> only
/// document. Anything else (<c>$ref</c>, <c>allOf</c>, <c>multipleOf</c>...) is refused at registration rather
/// than silently ignored. Patterns run on the non-backtracking regex engine: linear in the input, no ReDoS.
/// </remarks>
internal sealed class CompiledSchema
{
    public static readonly IReadOnlySet<string> SupportedKeywords = new HashSet<string>(StringComparer.Ordinal)
    {
        "type", "enum", "const", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "minLength", "maxLength",
        "pattern", "items", "minItems", "maxItems", "properties", "required", "additionalProperties", "minProperties",
        "maxProperties", "anyOf", "oneOf",
    };

    public static readonly IReadOnlySet<string> AnnotationKeywords = new HashSet<string>(StringComparer.Ordinal)
    {
        "title", "description", "examples", "default", "format", "deprecated", "readOnly", "writeOnly", "$comment",
        "contentEncoding", "contentMediaType",
    };

    private const int MaxEchoChars = 40;

    private readonly JsonTypes _types;
    private readonly List<JsonElement>? _enum;
    private readonly decimal? _minimum;
    private readonly decimal? _maximum;
    private readonly decimal? _exclusiveMinimum;
    private readonly decimal? _exclusiveMaximum;
    private readonly int? _minLength;
    private readonly int? _maxLength;
    private readonly string? _patternText;
    private readonly Regex? _pattern;
    private readonly CompiledSchema? _items;
    private readonly int? _minItems;
    private readonly int? _maxItems;
    private readonly Dictionary<string, CompiledSchema>? _properties;
    private readonly List<string> _required = [];
    private readonly bool _additionalAllowed = true;
    private readonly CompiledSchema? _additional;
    private readonly int? _minProperties;
    private readonly int? _maxProperties;
    private readonly List<CompiledSchema>? _anyOf;
    private readonly List<CompiledSchema>? _oneOf;
    private readonly string? _title;

    private CompiledSchema(JsonObject schema, string where)
    {
        foreach (var (keyword, _) in schema)
        {
            if (!SupportedKeywords.Contains(keyword) && !AnnotationKeywords.Contains(keyword) && !keyword.StartsWith("x-", StringComparison.Ordinal))
            {
                throw new ArgumentException(
                    $"{where}: schema keyword '{keyword}' is not supported by the RPC validator; use only {string.Join(", ", SupportedKeywords)} (and annotations)");
            }
        }

        _types = ReadTypes(schema["type"], where);
        _title = schema["title"]?.GetValue<string>();
        if (schema["enum"] is { } enumNode)
        {
            _enum = enumNode is JsonArray values && values.Count > 0
                ? [.. values.Select(v => Constant(v, where))]
                : throw new ArgumentException($"{where}: 'enum' must be a non-empty array");
        }

        if (schema.TryGetPropertyValue("const", out var constNode))
        {
            _enum = [Constant(constNode, where)];
        }

        _minimum = Number(schema, "minimum", where);
        _maximum = Number(schema, "maximum", where);
        _exclusiveMinimum = Number(schema, "exclusiveMinimum", where);
        _exclusiveMaximum = Number(schema, "exclusiveMaximum", where);
        _minLength = Count(schema, "minLength", where);
        _maxLength = Count(schema, "maxLength", where);
        _minItems = Count(schema, "minItems", where);
        _maxItems = Count(schema, "maxItems", where);
        _minProperties = Count(schema, "minProperties", where);
        _maxProperties = Count(schema, "maxProperties", where);
        if (schema["pattern"] is { } pattern)
        {
            _patternText = pattern.GetValue<string>();
            try
            {
                _pattern = new Regex(_patternText, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
            }
            catch (Exception e) when (e is ArgumentException or NotSupportedException)
            {
                throw new ArgumentException($"{where}: pattern '{_patternText}' is not usable by the non-backtracking engine: {e.Message}");
            }
        }

        if (schema["items"] is { } items)
        {
            _items = CompileNormalized(items, where + "[]");
        }

        if (schema["properties"] is { } properties)
        {
            _properties = new Dictionary<string, CompiledSchema>(StringComparer.Ordinal);
            foreach (var (name, property) in properties.AsObject())
            {
                _properties[name] = CompileNormalized(property, $"{where}.{name}");
            }
        }

        if (schema["required"] is JsonArray required)
        {
            _required = [.. required.Select(r => r!.GetValue<string>())];
        }

        switch (schema["additionalProperties"])
        {
            case null:
                break;
            case JsonValue flag when flag.TryGetValue<bool>(out var allowed):
                _additionalAllowed = allowed;
                break;
            case var additional:
                _additional = CompileNormalized(additional, where + ".*");
                break;
        }

        _anyOf = Alternatives(schema, "anyOf", where);
        _oneOf = Alternatives(schema, "oneOf", where);
    }

    [Flags]
    private enum JsonTypes
    {
        None = 0,
        Null = 1,
        Boolean = 2,
        Object = 4,
        Array = 8,
        Number = 16,
        String = 32,
        Integer = 64,
    }

    /// <summary>Compiles a schema node (an object, or <c>true</c> for "anything").</summary>
    /// <exception cref="ArgumentException">The schema uses something the validator does not enforce; the message says where.</exception>
    public static CompiledSchema Compile(JsonNode? schema, string where)
    {
        // Round-trip through text so that every value is backed by a parsed element, whatever CLR type
        // built it (an int, a long, a decimal): numeric reads below then behave the same for all.
        var normalized = schema is null ? null : JsonNode.Parse(schema.ToJsonString());
        return CompileNormalized(normalized, where);
    }

    private static CompiledSchema CompileNormalized(JsonNode? schema, string where) => schema switch
    {
        JsonObject o => new CompiledSchema(o, where),
        JsonValue v when v.TryGetValue<bool>(out var any) && any => new CompiledSchema([], where),
        _ => throw new ArgumentException($"{where}: a schema must be a JSON object"),
    };

    /// <summary>Validates <paramref name="value"/>; returns null when it conforms, else a message that starts with <paramref name="path"/>.</summary>
    public string? Validate(JsonElement value, string path)
    {
        if (_types != JsonTypes.None && !HasType(value, _types))
        {
            return Mismatch(path, value);
        }

        if (_enum is not null && !_enum.Any(c => EqualsConstant(value, c)))
        {
            return Mismatch(path, value);
        }

        return value.ValueKind switch
        {
            JsonValueKind.Number => ValidateNumber(value, path),
            JsonValueKind.String => ValidateString(value, path),
            JsonValueKind.Array => ValidateArray(value, path),
            JsonValueKind.Object => ValidateObject(value, path),
            _ => null,
        } ?? ValidateAlternatives(value, path);
    }

    /// <summary>What a conforming value looks like, for messages: "a non-negative integer", "one of "a", "b"".</summary>
    public string Describe()
    {
        if (_title is not null)
        {
            return _title;
        }

        if (_enum is not null)
        {
            return _enum.Count == 1 ? "exactly " + Echo(_enum[0]) : "one of " + string.Join(", ", _enum.Select(Echo));
        }

        var alternatives = _anyOf ?? _oneOf;
        if (alternatives is not null && _types == JsonTypes.None)
        {
            return string.Join(" or ", alternatives.Select(a => a.Describe()));
        }

        var kinds = new List<string>();
        if (_types.HasFlag(JsonTypes.Integer))
        {
            kinds.Add(DescribeNumber("integer"));
        }

        if (_types.HasFlag(JsonTypes.Number))
        {
            kinds.Add(DescribeNumber("number"));
        }

        if (_types.HasFlag(JsonTypes.String))
        {
            kinds.Add(DescribeString());
        }

        if (_types.HasFlag(JsonTypes.Boolean))
        {
            kinds.Add("true or false");
        }

        if (_types.HasFlag(JsonTypes.Object))
        {
            kinds.Add("an object");
        }

        if (_types.HasFlag(JsonTypes.Array))
        {
            kinds.Add(_maxItems is { } max ? $"an array of at most {max} items" : "an array");
        }

        if (_types.HasFlag(JsonTypes.Null))
        {
            kinds.Add("null");
        }

        return kinds.Count == 0 ? "any JSON value" : string.Join(" or ", kinds);
    }

    private string? ValidateNumber(JsonElement value, string path)
    {
        if (!TryGetNumber(value, out var number))
        {
            // Beyond decimal range: only an unbounded schema accepts it.
            return _minimum is null && _maximum is null && _exclusiveMinimum is null && _exclusiveMaximum is null ? null : Mismatch(path, value);
        }

        var ok = (_minimum is null || number >= _minimum) && (_maximum is null || number <= _maximum)
            && (_exclusiveMinimum is null || number > _exclusiveMinimum) && (_exclusiveMaximum is null || number < _exclusiveMaximum);
        return ok ? null : Mismatch(path, value);
    }

    private string? ValidateString(JsonElement value, string path)
    {
        if (_minLength is null && _maxLength is null && _pattern is null)
        {
            return null;
        }

        var text = value.GetString()!;
        var length = text.EnumerateRunes().Count();
        if ((_minLength is { } min && length < min) || (_maxLength is { } max && length > max))
        {
            return $"{path}: expected {Describe()}, got a string of {length} characters";
        }

        return _pattern is null || _pattern.IsMatch(text) ? null : Mismatch(path, value);
    }

    private string? ValidateArray(JsonElement value, string path)
    {
        var count = value.GetArrayLength();
        if (_minItems is { } min && count < min)
        {
            return $"{path}: expected at least {min} items, got {count}";
        }

        if (_maxItems is { } max && count > max)
        {
            return $"{path}: expected at most {max} items, got {count}";
        }

        if (_items is null)
        {
            return null;
        }

        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (_items.Validate(item, $"{path}[{index}]") is { } problem)
            {
                return problem;
            }

            index++;
        }

        return null;
    }

    private string? ValidateObject(JsonElement value, string path)
    {
        var count = 0;
        foreach (var member in value.EnumerateObject())
        {
            count++;
            var memberPath = $"{path}.{member.Name}";
            if (_properties is not null && _properties.TryGetValue(member.Name, out var property))
            {
                if (property.Validate(member.Value, memberPath) is { } problem)
                {
                    return problem;
                }
            }
            else if (_additional is not null)
            {
                if (_additional.Validate(member.Value, memberPath) is { } problem)
                {
                    return problem;
                }
            }
            else if (!_additionalAllowed)
            {
                var known = _properties?.Keys.ToList() ?? [];
                var suggestion = NameSuggester.Suggest(member.Name, known);
                var hint = suggestion is null ? string.Empty : $"did you mean \"{suggestion}\"? ";
                return $"{Truncate(memberPath)}: unknown field; {hint}expected {(known.Count == 0 ? "no fields" : string.Join(", ", known))}";
            }
        }

        foreach (var name in _required)
        {
            if (!value.TryGetProperty(name, out _))
            {
                return $"{path}.{name}: missing required field";
            }
        }

        if ((_minProperties is { } min && count < min) || (_maxProperties is { } max && count > max))
        {
            return $"{path}: expected {(_minProperties is null ? string.Empty : $"at least {_minProperties} ")}{(_maxProperties is null ? string.Empty : $"at most {_maxProperties} ")}members, got {count}";
        }

        return null;
    }

    private string? ValidateAlternatives(JsonElement value, string path)
    {
        if (_anyOf is not null && !_anyOf.Any(a => a.Validate(value, path) is null))
        {
            return Mismatch(path, value);
        }

        if (_oneOf is not null)
        {
            var matches = _oneOf.Count(a => a.Validate(value, path) is null);
            if (matches == 0)
            {
                return Mismatch(path, value);
            }

            if (matches > 1)
            {
                return $"{path}: matches more than one allowed form ({Describe()}); make it unambiguous";
            }
        }

        return null;
    }

    private string Mismatch(string path, JsonElement value) => $"{path}: expected {Describe()}, got {Got(value)}";

    private string DescribeNumber(string kind)
    {
        var noun = kind == "integer" ? "an integer" : "a number";
        var min = _exclusiveMinimum is { } exclusive && kind == "integer" ? decimal.Floor(exclusive) + 1 : _minimum;
        var max = _exclusiveMaximum is { } exclusiveMax && kind == "integer" ? decimal.Ceiling(exclusiveMax) - 1 : _maximum;
        if (kind == "number" && (_exclusiveMinimum is not null || _exclusiveMaximum is not null))
        {
            return $"{noun}{(_exclusiveMinimum is { } a ? $" > {Format(a)}" : string.Empty)}{(_exclusiveMaximum is { } b ? $" < {Format(b)}" : string.Empty)}";
        }

        return (min, max) switch
        {
            (0, null) => $"a non-negative {kind}",
            (1, null) when kind == "integer" => "a positive integer",
            ({ } a, { } b) => $"{noun} from {Format(a)} to {Format(b)}",
            ({ } a, null) => $"{noun} >= {Format(a)}",
            (null, { } b) => $"{noun} <= {Format(b)}",
            _ => noun,
        };
    }

    private string DescribeString()
    {
        var text = new StringBuilder("a string");
        if (_patternText is not null)
        {
            text.Append(" matching ").Append(_patternText);
        }

        if (_minLength is { } min && _maxLength is { } max)
        {
            text.Append(min == max ? $" of exactly {min} characters" : $" of {min} to {max} characters");
        }
        else if (_minLength is { } atLeast)
        {
            text.Append(CultureInfo.InvariantCulture, $" of at least {atLeast} characters");
        }
        else if (_maxLength is { } atMost)
        {
            text.Append(CultureInfo.InvariantCulture, $" of at most {atMost} characters");
        }

        return text.ToString();
    }

    private static bool HasType(JsonElement value, JsonTypes types) => value.ValueKind switch
    {
        JsonValueKind.Null => types.HasFlag(JsonTypes.Null),
        JsonValueKind.True or JsonValueKind.False => types.HasFlag(JsonTypes.Boolean),
        JsonValueKind.Object => types.HasFlag(JsonTypes.Object),
        JsonValueKind.Array => types.HasFlag(JsonTypes.Array),
        JsonValueKind.String => types.HasFlag(JsonTypes.String),
        JsonValueKind.Number => types.HasFlag(JsonTypes.Number) || (types.HasFlag(JsonTypes.Integer) && IsInteger(value)),
        _ => false,
    };

    private static bool IsInteger(JsonElement value)
    {
        if (value.TryGetDecimal(out var number))
        {
            return decimal.Truncate(number) == number;
        }

        return value.TryGetDouble(out var large) && double.IsFinite(large) && Math.Floor(large).Equals(large);
    }

    private static bool TryGetNumber(JsonElement value, out decimal number) => value.TryGetDecimal(out number);

    private static bool EqualsConstant(JsonElement value, JsonElement constant) => (constant.ValueKind, value.ValueKind) switch
    {
        (JsonValueKind.Null, JsonValueKind.Null) => true,
        (JsonValueKind.True, JsonValueKind.True) => true,
        (JsonValueKind.False, JsonValueKind.False) => true,
        (JsonValueKind.String, JsonValueKind.String) => value.ValueEquals(constant.GetString()),
        (JsonValueKind.Number, JsonValueKind.Number) =>
            TryGetNumber(value, out var number) && TryGetNumber(constant, out var expected) && number == expected,
        _ => false,
    };

    private static JsonElement Constant(JsonNode? node, string where)
    {
        var kind = node?.GetValueKind() ?? JsonValueKind.Null;
        if (kind is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False or JsonValueKind.Null)
        {
            using var document = JsonDocument.Parse(node?.ToJsonString() ?? "null");
            return document.RootElement.Clone();
        }

        throw new ArgumentException($"{where}: enum and const values must be strings, numbers, booleans or null");
    }

    private static JsonTypes ReadTypes(JsonNode? node, string where)
    {
        string[] names = node switch
        {
            null => [],
            JsonArray array => [.. array.Select(n => n!.GetValue<string>())],
            _ => [node.GetValue<string>()],
        };
        var types = JsonTypes.None;
        foreach (var name in names)
        {
            types |= name switch
            {
                "null" => JsonTypes.Null,
                "boolean" => JsonTypes.Boolean,
                "object" => JsonTypes.Object,
                "array" => JsonTypes.Array,
                "number" => JsonTypes.Number,
                "string" => JsonTypes.String,
                "integer" => JsonTypes.Integer,
                _ => throw new ArgumentException($"{where}: unknown JSON Schema type '{name}'"),
            };
        }

        return types;
    }

    private static decimal? Number(JsonObject schema, string keyword, string where)
    {
        if (schema[keyword] is not { } node)
        {
            return null;
        }

        return node is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<decimal>(out var number)
            ? number
            : throw new ArgumentException($"{where}: '{keyword}' must be a number");
    }

    private static int? Count(JsonObject schema, string keyword, string where)
    {
        if (schema[keyword] is not { } node)
        {
            return null;
        }

        return node is JsonValue value && value.TryGetValue<int>(out var count) && count >= 0
            ? count
            : throw new ArgumentException($"{where}: '{keyword}' must be a non-negative integer");
    }

    private static List<CompiledSchema>? Alternatives(JsonObject schema, string keyword, string where)
    {
        if (schema[keyword] is not { } node)
        {
            return null;
        }

        return node is JsonArray array && array.Count > 0
            ? [.. array.Select((a, i) => CompileNormalized(a, $"{where}/{keyword}[{i}]"))]
            : throw new ArgumentException($"{where}: '{keyword}' must be a non-empty array of schemas");
    }

    private static string Got(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => "\"" + Truncate(value.GetString()!) + "\"",
        JsonValueKind.Number => Truncate(value.GetRawText()),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null => "null",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        _ => "nothing",
    };

    private static string Echo(JsonElement constant) => constant.GetRawText();

    private static string Format(decimal number) => number.ToString(CultureInfo.InvariantCulture);

    /// <summary>Echoes client input into messages at a bounded length.</summary>
    internal static string Truncate(string text, int maxChars = MaxEchoChars) =>
        text.Length <= maxChars ? text : string.Concat(text.AsSpan(0, maxChars), "…");
}
