using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DaiChain.Node.Rpc;

/// <summary>
/// Checks a request's <c>params</c> against a method's declared parameters and presents them by name.
/// </summary>
/// <remarks>
/// JSON-RPC allows <c>params</c> by name (an object) or by position (an array); OpenRPC calls this
/// <c>paramStructure: either</c>. An array is mapped onto the declared names in order, so a handler always
/// sees one object. An absent <c>params</c> is the empty object; <c>null</c> for an optional parameter means
/// it was left out. Every failure is <c>invalid_params</c> whose message starts with the parameter's path.
/// </remarks>
internal sealed class ParamsBinder
{
    private readonly IReadOnlyList<RpcParam> _params;
    private readonly Dictionary<string, RpcParam> _byName;
    private readonly List<string> _names;

    public ParamsBinder(IReadOnlyList<RpcParam> parameters)
    {
        _params = parameters;
        _byName = parameters.ToDictionary(p => p.Name, StringComparer.Ordinal);
        _names = [.. parameters.Select(p => p.Name)];
    }

    /// <summary>
    /// Validates <paramref name="parameters"/> and returns them as an object. When they came as an array the
    /// object lives in <paramref name="owned"/>, which the caller disposes once the handler is done with it.
    /// </summary>
    /// <exception cref="RpcException"><c>invalid_params</c>, naming the parameter.</exception>
    public JsonElement Bind(JsonElement parameters, out JsonDocument? owned)
    {
        owned = null;
        switch (parameters.ValueKind)
        {
            case JsonValueKind.Undefined:
                return CheckMissing(EmptyObject.Element, present: static (_, _) => false);
            case JsonValueKind.Object:
                foreach (var member in parameters.EnumerateObject())
                {
                    if (!_byName.TryGetValue(member.Name, out var declared))
                    {
                        throw Unknown(member.Name);
                    }

                    CheckValue(declared, member.Value);
                }

                return CheckMissing(parameters, static (p, name) => p.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null);
            case JsonValueKind.Array:
                return BindPositional(parameters, out owned);
            default:
                throw Invalid(string.Empty, "params: must be an object (by name) or an array (by position)", null);
        }
    }

    private JsonElement BindPositional(JsonElement parameters, out JsonDocument? owned)
    {
        var count = parameters.GetArrayLength();
        if (count > _params.Count)
        {
            var expected = _params.Count == 0 ? "no parameters" : $"at most {_params.Count} positional parameters ({string.Join(", ", _names)})";
            throw Invalid(string.Empty, $"params: expected {expected}, got {count}", null);
        }

        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            var index = 0;
            foreach (var value in parameters.EnumerateArray())
            {
                var declared = _params[index++];
                CheckValue(declared, value);
                if (value.ValueKind != JsonValueKind.Null || declared.Required)
                {
                    writer.WritePropertyName(declared.Name);
                    value.WriteTo(writer);
                }
            }

            writer.WriteEndObject();
        }

        owned = JsonDocument.Parse(buffer.WrittenMemory);
        return CheckMissing(owned.RootElement, static (p, name) => p.TryGetProperty(name, out _));
    }

    private static void CheckValue(RpcParam declared, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Null && !declared.Required)
        {
            return;
        }

        if (declared.Compiled.Validate(value, "params." + declared.Name) is { } problem)
        {
            throw Invalid(declared.Name, problem, null);
        }
    }

    private JsonElement CheckMissing(JsonElement bound, Func<JsonElement, string, bool> present)
    {
        foreach (var declared in _params)
        {
            if (declared.Required && !present(bound, declared.Name))
            {
                throw Invalid(declared.Name, $"params.{declared.Name}: missing required parameter ({declared.Compiled.Describe()})", null);
            }
        }

        return bound;
    }

    private RpcException Unknown(string name)
    {
        var suggestion = NameSuggester.Suggest(name, _names);
        var echoed = Schema.CompiledSchema.Truncate(name);
        var expected = _names.Count == 0 ? "this method takes no parameters" : $"expected {string.Join(", ", _names)}";
        var hint = suggestion is null ? string.Empty : $"did you mean \"{suggestion}\"? ";
        return Invalid(echoed, $"params.{echoed}: unknown parameter; {hint}{expected}", suggestion);
    }

    private static RpcException Invalid(string param, string message, string? suggestion)
    {
        var details = new JsonObject();
        if (param.Length > 0)
        {
            details["param"] = param;
        }

        if (suggestion is not null)
        {
            details["suggestion"] = suggestion;
        }

        return new RpcException(RpcErrorCodes.InvalidParams, RpcErrorReasons.InvalidParams, message, details);
    }

    private static class EmptyObject
    {
        private static readonly JsonDocument Document = JsonDocument.Parse("{}");

        public static JsonElement Element => Document.RootElement;
    }
}
