using System.Text.Json.Nodes;

namespace DaiChain.Node.Rpc.Schema;

/// <summary>
/// Builders for the JSON Schema fragments that describe method parameters and results. Each call returns a
/// new object (a fragment has one owner); plain <see cref="JsonObject"/> literals work as well, within the
/// keywords listed in docs/spec/rpc.md.
/// </summary>
public static class RpcSchema
{
    public static JsonObject Integer(long? minimum = null, long? maximum = null, string? description = null)
    {
        var schema = new JsonObject { ["type"] = "integer" };
        if (minimum is { } min)
        {
            schema["minimum"] = min;
        }

        if (maximum is { } max)
        {
            schema["maximum"] = max;
        }

        return Describe(schema, description);
    }

    /// <summary>An integer &gt;= 0 (heights, counts, amounts).</summary>
    public static JsonObject NonNegativeInteger(string? description = null) => Integer(0, null, description);

    public static JsonObject String(int? minLength = null, int? maxLength = null, string? pattern = null, string? description = null)
    {
        var schema = new JsonObject { ["type"] = "string" };
        if (minLength is { } min)
        {
            schema["minLength"] = min;
        }

        if (maxLength is { } max)
        {
            schema["maxLength"] = max;
        }

        if (pattern is not null)
        {
            schema["pattern"] = pattern;
        }

        return Describe(schema, description);
    }

    /// <summary><paramref name="byteLength"/> bytes as <c>0x</c> and lower- or upper-case hex.</summary>
    public static JsonObject HexBytes(int byteLength, string? description = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(byteLength);
        return String(pattern: $"^0x[0-9a-fA-F]{{{byteLength * 2}}}$", description: description);
    }

    /// <summary>Hex bytes of any even length up to <paramref name="maxBytes"/> (signed transactions, payloads).</summary>
    public static JsonObject HexData(int maxBytes, string? description = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBytes);
        return String(maxLength: 2 + (maxBytes * 2), pattern: "^0x([0-9a-fA-F]{2})*$", description: description);
    }

    /// <summary>A 32-byte SHA-256 hash: block, transaction, artifact.</summary>
    public static JsonObject Hash(string? description = null) => HexBytes(32, description);

    /// <summary>A 20-byte account address.</summary>
    public static JsonObject Address(string? description = null) => HexBytes(20, description);

    public static JsonObject Boolean(string? description = null) => Describe(new JsonObject { ["type"] = "boolean" }, description);

    public static JsonObject Enum(params string[] values)
    {
        var choices = new JsonArray();
        foreach (var value in values)
        {
            choices.Add(value);
        }

        return new JsonObject { ["type"] = "string", ["enum"] = choices };
    }

    public static JsonObject ArrayOf(JsonObject items, int maxItems, string? description = null) =>
        Describe(new JsonObject { ["type"] = "array", ["items"] = items, ["maxItems"] = maxItems }, description);

    /// <summary>A value matching any of <paramref name="alternatives"/> (a block by height or by hash).</summary>
    public static JsonObject AnyOf(params JsonObject[] alternatives) => new() { ["anyOf"] = new JsonArray(alternatives) };

    /// <summary>Any JSON value; for results only, since it validates nothing.</summary>
    public static JsonObject Any(string? description = null) => Describe([], description);

    private static JsonObject Describe(JsonObject schema, string? description)
    {
        if (description is not null)
        {
            schema["description"] = description;
        }

        return schema;
    }
}
