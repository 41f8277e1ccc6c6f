using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DaiChain.Node.Rpc.Schema;

namespace DaiChain.Node.Rpc.Subscriptions;

/// <summary>
/// A subscription topic: its name, what its events carry, and optionally a filter key (an account address, a
/// model id) that a subscriber may (or must) give and the publisher attaches to each event.
/// </summary>
public sealed partial class RpcTopic
{
    private readonly JsonObject? _keySchema;
    private readonly JsonObject _payloadSchema;
    private readonly Func<string, string> _normalizeKey;

    /// <param name="name">camelCase topic name, as clients send it in <c>subscribe</c>.</param>
    /// <param name="summary">One line for the OpenRPC document.</param>
    /// <param name="keyName">The <c>subscribe</c> parameter that filters this topic, or null for none.</param>
    /// <param name="keySchema">Schema of the key (required with <paramref name="keyName"/>).</param>
    /// <param name="keyRequired">Whether a subscriber must give the key (true for per-account topics).</param>
    /// <param name="payloadSchema">Schema of an event's <c>result</c>, for documentation.</param>
    /// <param name="normalizeKey">Maps a key to its canonical form (lower-case hex) for subscribers and publishers alike.</param>
    public RpcTopic(string name, string summary, string? keyName = null, JsonObject? keySchema = null, bool keyRequired = false, JsonObject? payloadSchema = null, Func<string, string>? normalizeKey = null)
    {
        if (!CamelCase().IsMatch(name))
        {
            throw new ArgumentException($"topic name '{name}' must be camelCase", nameof(name));
        }

        if ((keyName is null) != (keySchema is null))
        {
            throw new ArgumentException($"topic {name}: give both a key name and its schema, or neither", nameof(keySchema));
        }

        if (keyName is not null && (!CamelCase().IsMatch(keyName) || keyName == "topic"))
        {
            throw new ArgumentException($"topic {name}: key name '{keyName}' must be camelCase and not 'topic'", nameof(keyName));
        }

        if (keyRequired && keyName is null)
        {
            throw new ArgumentException($"topic {name}: a required key needs a key name", nameof(keyRequired));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(summary);
        Name = name;
        Summary = summary;
        KeyName = keyName;
        KeyRequired = keyRequired;
        _keySchema = keySchema is null ? null : (JsonObject)keySchema.DeepClone();
        _payloadSchema = payloadSchema is null ? [] : (JsonObject)payloadSchema.DeepClone();
        _normalizeKey = normalizeKey ?? (static k => k);
        KeyValidator = _keySchema is null ? null : CompiledSchema.Compile(_keySchema, $"topic {name} {keyName}");
    }

    public string Name { get; }

    public string Summary { get; }

    public string? KeyName { get; }

    public bool KeyRequired { get; }

    public JsonObject? KeySchema => _keySchema is null ? null : (JsonObject)_keySchema.DeepClone();

    public JsonObject PayloadSchema => (JsonObject)_payloadSchema.DeepClone();

    internal CompiledSchema? KeyValidator { get; }

    /// <summary>The canonical form of a key, as matched between subscribers and published events.</summary>
    public string NormalizeKey(string key) => _normalizeKey(key);

    [GeneratedRegex("^[a-z][A-Za-z0-9]*$", RegexOptions.CultureInvariant)]
    private static partial Regex CamelCase();
}
