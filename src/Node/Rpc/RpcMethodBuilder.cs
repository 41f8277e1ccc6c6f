using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;

namespace DaiChain.Node.Rpc;

/// <summary>
/// Declares a method step by step; <c>Handle</c> checks the declaration and produces the <see cref="RpcMethod"/>.
/// </summary>
/// <example>
/// <code>
/// registry.Add(RpcMethod.Read("chain_getHeader", "Returns the header at a height.")
///     .Param("height", RpcSchema.NonNegativeInteger(), "Block height.")
///     .Handle(RpcJson.Default.HeightParams, RpcJson.Default.HeaderView, (p, ctx) => reader.GetHeaderAsync(p.Height, ctx.CancellationToken)));
/// </code>
/// </example>
public sealed partial class RpcMethodBuilder
{
    private readonly string _name;
    private readonly string _summary;
    private readonly RpcAccess _access;
    private readonly List<RpcParam> _params = [];
    private readonly List<RpcError> _errors = [];
    private string? _description;
    private string _resultName = "result";
    private string? _resultSummary;
    private JsonObject? _resultSchema;
    private bool _webSocketOnly;

    internal RpcMethodBuilder(string name, string summary, RpcAccess access, bool builtIn = false)
    {
        if (!builtIn && !MethodName().IsMatch(name))
        {
            throw new ArgumentException($"method name '{name}' must read namespace_camelCase (chain_getBlock, tx_submit)", nameof(name));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(summary);
        _name = name;
        _summary = summary;
        _access = access;
    }

    /// <summary>A longer explanation for the OpenRPC document (Markdown allowed).</summary>
    public RpcMethodBuilder WithDescription(string description)
    {
        _description = description;
        return this;
    }

    /// <summary>Declares a required parameter. Required parameters come before optional ones.</summary>
    public RpcMethodBuilder Param(string name, JsonObject schema, string summary) => AddParam(name, schema, summary, required: true);

    /// <summary>Declares an optional parameter; a client may leave it out or send null.</summary>
    public RpcMethodBuilder OptionalParam(string name, JsonObject schema, string summary) => AddParam(name, schema, summary, required: false);

    /// <summary>Describes the result. Optional for typed handlers, whose result schema is derived from the result type.</summary>
    public RpcMethodBuilder Returns(string name, JsonObject schema, string? summary = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        _resultName = name;
        _resultSchema = (JsonObject)schema.DeepClone();
        _resultSummary = summary;
        return this;
    }

    /// <summary>Lists an error this method may answer with, for the OpenRPC document.</summary>
    public RpcMethodBuilder Error(int code, string reason, string message)
    {
        if (_errors.Any(e => e.Code == code))
        {
            throw new ArgumentException($"{_name} already declares error {code}", nameof(code));
        }

        _errors.Add(new RpcError(code, reason, message));
        return this;
    }

    /// <summary>
    /// Finishes with a typed handler: parameters are deserialized into <typeparamref name="TParams"/> (its JSON
    /// property names must be exactly the declared parameter names) and the result serialized with
    /// <paramref name="resultType"/>.
    /// </summary>
    public RpcMethod Handle<TParams, TResult>(
        JsonTypeInfo<TParams> paramsType,
        JsonTypeInfo<TResult> resultType,
        Func<TParams, RpcContext, ValueTask<TResult>> handler)
    {
        CheckParamsType(paramsType);
        return new TypedRpcMethod<TParams, TResult>(Finish(resultType), paramsType, resultType, handler);
    }

    /// <summary>Finishes with a typed handler for a method that takes no parameters.</summary>
    public RpcMethod Handle<TResult>(JsonTypeInfo<TResult> resultType, Func<RpcContext, ValueTask<TResult>> handler)
    {
        if (_params.Count > 0)
        {
            throw new InvalidOperationException($"{_name} declares parameters; use the overload that takes a parameters type");
        }

        return new TypedRpcMethod<TResult>(Finish(resultType), resultType, handler);
    }

    /// <summary>
    /// Finishes with a handler that works on JSON directly: it receives the validated parameters as an object
    /// (valid only until the returned task completes) and returns the result as a node.
    /// </summary>
    public RpcMethod HandleJson(Func<JsonElement, RpcContext, ValueTask<JsonNode?>> handler) =>
        new JsonRpcMethod(Finish(null), handler);

    internal RpcMethodBuilder OnlyOverWebSocket()
    {
        _webSocketOnly = true;
        return this;
    }

    private RpcMethodBuilder AddParam(string name, JsonObject schema, string summary, bool required)
    {
        if (!ParamName().IsMatch(name))
        {
            throw new ArgumentException($"{_name}: parameter name '{name}' must be camelCase", nameof(name));
        }

        if (_params.Any(p => p.Name == name))
        {
            throw new ArgumentException($"{_name}: parameter '{name}' is declared twice", nameof(name));
        }

        if (required && _params.Any(p => !p.Required))
        {
            throw new ArgumentException($"{_name}: required parameter '{name}' must come before the optional ones (by-position order)", nameof(required));
        }

        _params.Add(new RpcParam(name, schema, required, summary, _name));
        return this;
    }

    private void CheckParamsType<TParams>(JsonTypeInfo<TParams> paramsType)
    {
        if (paramsType.Kind != JsonTypeInfoKind.Object)
        {
            throw new ArgumentException($"{_name}: the parameters type {typeof(TParams).Name} must serialize as a JSON object", nameof(paramsType));
        }

        var comparison = paramsType.Options.PropertyNameCaseInsensitive ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
        var properties = paramsType.Properties.Select(p => p.Name).ToHashSet(comparison);
        foreach (var param in _params)
        {
            if (!properties.Contains(param.Name))
            {
                throw new ArgumentException($"{_name}: parameter '{param.Name}' has no JSON property in {typeof(TParams).Name} (it has {string.Join(", ", properties)})", nameof(paramsType));
            }
        }

        var declared = _params.Select(p => p.Name).ToHashSet(comparison);
        foreach (var property in properties)
        {
            if (!declared.Contains(property))
            {
                throw new ArgumentException($"{_name}: property '{property}' of {typeof(TParams).Name} is not a declared parameter", nameof(paramsType));
            }
        }
    }

    private Declaration Finish(JsonTypeInfo? resultType)
    {
        var resultSchema = _resultSchema
            ?? (resultType is null ? new JsonObject() : resultType.GetJsonSchemaAsNode() as JsonObject ?? []);
        return new Declaration(_name, _summary, _description, _access, [.. _params], _resultName, _resultSummary, resultSchema, [.. _errors], _webSocketOnly);
    }

    [GeneratedRegex("^[a-z][a-z0-9]*_[a-z][A-Za-z0-9]*$", RegexOptions.CultureInvariant)]
    private static partial Regex MethodName();

    [GeneratedRegex("^[a-z][A-Za-z0-9]*$", RegexOptions.CultureInvariant)]
    private static partial Regex ParamName();

    /// <summary>What <see cref="RpcMethod"/>'s constructor takes: the finished, checked declaration.</summary>
    internal sealed record Declaration(
        string Name,
        string Summary,
        string? Description,
        RpcAccess Access,
        IReadOnlyList<RpcParam> Params,
        string ResultName,
        string? ResultSummary,
        JsonObject ResultSchema,
        IReadOnlyList<RpcError> Errors,
        bool WebSocketOnly);
}
