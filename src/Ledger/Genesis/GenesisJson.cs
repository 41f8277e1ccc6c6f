using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using DaiChain.Ledger.Chain;
using DaiChain.Ledger.Crypto;
using DaiChain.Ledger.Execution;
using DaiChain.Ledger.Network;
using DaiChain.Ledger.Primitives;

namespace DaiChain.Ledger.Genesis;

/// <summary>
/// Reads and writes <c>genesis.json</c>. Reading collects every problem (missing or unknown fields, wrong types,
/// malformed keys, then the rules of <see cref="GenesisValidation"/>) instead of stopping at the first.
/// </summary>
/// <remarks>
/// Format (snake_case, UTF-8): <c>chain_id</c>, <c>genesis_time</c> (ISO 8601 UTC, millisecond precision),
/// optional <c>insecure_keys</c> (a note; present only when the keys are public, as in a devnet), optional
/// <c>consensus</c> (any subset of the consensus parameters), <c>validators</c> (<c>name</c>,
/// <c>public_key</c> as 66 hex digits of a compressed key, <c>power</c>), optional <c>nodes</c> (<c>name</c>,
/// <c>node_public_key</c>, <c>role</c>: <c>validator</c> or <c>observer</c>), optional <c>accounts</c>
/// (<c>address</c>, <c>balance</c>, optional <c>roles</c>), optional <c>parameters</c> (name to value).
/// Numbers may be written as JSON numbers or decimal strings.
/// </remarks>
public static class GenesisJson
{
    private static readonly string[] TopLevelFields = ["chain_id", "genesis_time", "insecure_keys", "consensus", "validators", "nodes", "accounts", "parameters"];

    public static GenesisParseResult Parse(string json, ChainRules rules)
    {
        var structural = ParseUnvalidated(json);
        if (structural.Document is not { } genesis)
        {
            return structural;
        }

        var semantic = GenesisValidation.FindProblems(genesis, rules);
        return new GenesisParseResult(semantic.Count == 0 ? genesis : null, semantic);
    }

    /// <summary>
    /// Reads the document without the rules of <see cref="GenesisValidation"/> (for tools that build a genesis step
    /// by step, when it may not be valid yet); problems are only those of form: JSON, fields, types, keys.
    /// </summary>
    public static GenesisParseResult ParseUnvalidated(string json)
    {
        var problems = new List<string>();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 16 });
        }
        catch (JsonException e)
        {
            return new GenesisParseResult(null, [$"genesis is not valid JSON: {e.Message}"]);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return new GenesisParseResult(null, ["genesis must be a JSON object"]);
            }

            foreach (var property in root.EnumerateObject())
            {
                if (!TopLevelFields.Contains(property.Name, StringComparer.Ordinal))
                {
                    problems.Add($"unknown field '{property.Name}' (known: {string.Join(", ", TopLevelFields)})");
                }
            }

            var chainId = ReadString(root, "chain_id", problems, required: true) ?? string.Empty;
            var time = ReadTime(root, problems);
            var insecure = ReadString(root, "insecure_keys", problems, required: false);
            var consensus = ReadConsensus(root, problems);
            var validators = ReadArray(root, "validators", problems, required: true, ReadValidator);
            var nodes = ReadArray(root, "nodes", problems, required: false, ReadNode);
            var accounts = ReadArray(root, "accounts", problems, required: false, ReadAccount);
            var parameters = ReadParameters(root, problems);
            if (problems.Count > 0)
            {
                return new GenesisParseResult(null, problems);
            }

            return new GenesisParseResult(
                new GenesisDocument
                {
                    ChainId = chainId,
                    GenesisTimeMs = time,
                    InsecureKeysNote = insecure,
                    Consensus = consensus,
                    Validators = validators,
                    Nodes = nodes,
                    Accounts = accounts,
                    Parameters = parameters,
                },
                []);
        }
    }

    /// <summary>Parses and validates, throwing <see cref="GenesisException"/> with every problem.</summary>
    public static GenesisDocument Load(string path, ChainRules rules)
    {
        var result = Parse(File.ReadAllText(path), rules);
        return result.IsValid ? result.Document! : throw new GenesisException(path, result.Problems);
    }

    /// <summary>
    /// The document as indented JSON, fields in the documented order. Characters are escaped only where JSON
    /// requires it (the file is read by people and parsers, never embedded in HTML).
    /// </summary>
    public static string Write(GenesisDocument genesis)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("chain_id", genesis.ChainId);
            writer.WriteString("genesis_time", FormatTime(genesis.GenesisTimeMs));
            if (genesis.InsecureKeysNote is { } note)
            {
                writer.WriteString("insecure_keys", note);
            }

            var c = genesis.Consensus;
            writer.WriteStartObject("consensus");
            writer.WriteNumber("max_block_bytes", c.MaxBlockBytes);
            writer.WriteNumber("max_block_transactions", c.MaxBlockTransactions);
            writer.WriteNumber("max_block_evidence", c.MaxBlockEvidence);
            writer.WriteNumber("propose_timeout_ms", c.ProposeTimeoutMs);
            writer.WriteNumber("propose_timeout_delta_ms", c.ProposeTimeoutDeltaMs);
            writer.WriteNumber("prevote_timeout_ms", c.PrevoteTimeoutMs);
            writer.WriteNumber("prevote_timeout_delta_ms", c.PrevoteTimeoutDeltaMs);
            writer.WriteNumber("precommit_timeout_ms", c.PrecommitTimeoutMs);
            writer.WriteNumber("precommit_timeout_delta_ms", c.PrecommitTimeoutDeltaMs);
            writer.WriteNumber("commit_timeout_ms", c.CommitTimeoutMs);
            writer.WriteEndObject();

            writer.WriteStartArray("validators");
            foreach (var v in genesis.Validators)
            {
                writer.WriteStartObject();
                writer.WriteString("name", v.Name);
                writer.WriteString("public_key", v.PublicKey.ToString());
                writer.WriteNumber("power", v.Power);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("nodes");
            foreach (var n in genesis.Nodes)
            {
                writer.WriteStartObject();
                writer.WriteString("name", n.Name);
                writer.WriteString("node_public_key", n.NodePublicKey.ToString());
                writer.WriteString("role", n.Role == NodeRole.Validator ? "validator" : "observer");
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("accounts");
            foreach (var a in genesis.Accounts)
            {
                writer.WriteStartObject();
                writer.WriteString("address", a.Address.ToString());
                writer.WriteNumber("balance", a.Balance);
                writer.WriteStartArray("roles");
                foreach (var role in a.Roles)
                {
                    writer.WriteStringValue(role);
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartObject("parameters");
            foreach (var (name, value) in genesis.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                writer.WriteNumber(name, value);
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    public static string FormatTime(long unixMs) =>
        DateTimeOffset.FromUnixTimeMilliseconds(unixMs).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static bool TryParseTime(string text, out long unixMs)
    {
        unixMs = 0;
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            || !(text.EndsWith('Z') || text.Contains('+', StringComparison.Ordinal) || text.LastIndexOf('-') > 9))
        {
            return false;
        }

        unixMs = time.ToUnixTimeMilliseconds();
        return true;
    }

    private static long ReadTime(JsonElement root, List<string> problems)
    {
        var text = ReadString(root, "genesis_time", problems, required: true);
        if (text is null)
        {
            return 0;
        }

        if (!TryParseTime(text, out var ms))
        {
            problems.Add($"genesis_time '{text}' is not an ISO 8601 time with a zone, such as 2026-01-01T00:00:00.000Z");
        }

        return ms;
    }

    private static ConsensusParams ReadConsensus(JsonElement root, List<string> problems)
    {
        var result = ConsensusParams.Default;
        if (!root.TryGetProperty("consensus", out var element))
        {
            return result;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            problems.Add("consensus must be an object");
            return result;
        }

        foreach (var property in element.EnumerateObject())
        {
            var field = $"consensus.{property.Name}";
            if (!TryReadUInt64(property.Value, out var value) || value > int.MaxValue)
            {
                problems.Add($"{field} must be a whole number between 0 and {int.MaxValue}");
                continue;
            }

            var v = (int)value;
            result = property.Name switch
            {
                "max_block_bytes" => result with { MaxBlockBytes = v },
                "max_block_transactions" => result with { MaxBlockTransactions = v },
                "max_block_evidence" => result with { MaxBlockEvidence = v },
                "propose_timeout_ms" => result with { ProposeTimeoutMs = v },
                "propose_timeout_delta_ms" => result with { ProposeTimeoutDeltaMs = v },
                "prevote_timeout_ms" => result with { PrevoteTimeoutMs = v },
                "prevote_timeout_delta_ms" => result with { PrevoteTimeoutDeltaMs = v },
                "precommit_timeout_ms" => result with { PrecommitTimeoutMs = v },
                "precommit_timeout_delta_ms" => result with { PrecommitTimeoutDeltaMs = v },
                "commit_timeout_ms" => result with { CommitTimeoutMs = v },
                _ => Unknown(problems, field, result),
            };
        }

        return result;
    }

    private static ConsensusParams Unknown(List<string> problems, string field, ConsensusParams unchanged)
    {
        problems.Add($"unknown field '{field}'");
        return unchanged;
    }

    private static GenesisValidator? ReadValidator(JsonElement element, string path, List<string> problems)
    {
        var name = ReadString(element, "name", problems, required: true, path) ?? string.Empty;
        var key = ReadPublicKey(element, "public_key", problems, path);
        var power = ReadNumber(element, "power", problems, path);
        CheckNoOtherFields(element, path, problems, "name", "public_key", "power");
        return key is null || power is null ? null : new GenesisValidator(name, key, power.Value);
    }

    private static GenesisNode? ReadNode(JsonElement element, string path, List<string> problems)
    {
        var name = ReadString(element, "name", problems, required: true, path) ?? string.Empty;
        var key = ReadPublicKey(element, "node_public_key", problems, path);
        var roleText = ReadString(element, "role", problems, required: true, path);
        CheckNoOtherFields(element, path, problems, "name", "node_public_key", "role");
        NodeRole? role = roleText switch
        {
            "validator" => NodeRole.Validator,
            "observer" => NodeRole.Observer,
            null => null,
            _ => null,
        };
        if (roleText is not null && role is null)
        {
            problems.Add($"{path}.role '{roleText}' must be 'validator' or 'observer'");
        }

        return key is null || role is null ? null : new GenesisNode(name, key, role.Value);
    }

    private static GenesisAccount? ReadAccount(JsonElement element, string path, List<string> problems)
    {
        var text = ReadString(element, "address", problems, required: true, path);
        Address address = default;
        if (text is not null && !Address.TryParse(text, out address))
        {
            problems.Add($"{path}.address '{Hex.Truncate(text)}' is not an address (0x and 40 hex digits)");
            text = null;
        }

        var balance = element.TryGetProperty("balance", out _) ? ReadNumber(element, "balance", problems, path) : 0;
        var roles = new List<string>();
        if (element.TryGetProperty("roles", out var rolesElement))
        {
            if (rolesElement.ValueKind != JsonValueKind.Array)
            {
                problems.Add($"{path}.roles must be an array of role names");
            }
            else
            {
                foreach (var role in rolesElement.EnumerateArray())
                {
                    if (role.ValueKind == JsonValueKind.String)
                    {
                        roles.Add(role.GetString()!);
                    }
                    else
                    {
                        problems.Add($"{path}.roles must hold strings");
                    }
                }
            }
        }

        CheckNoOtherFields(element, path, problems, "address", "balance", "roles");
        return text is null || balance is null ? null : new GenesisAccount(address, balance.Value, roles);
    }

    private static SortedDictionary<string, ulong> ReadParameters(JsonElement root, List<string> problems)
    {
        var result = new SortedDictionary<string, ulong>(StringComparer.Ordinal);
        if (!root.TryGetProperty("parameters", out var element))
        {
            return result;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            problems.Add("parameters must be an object of name to value");
            return result;
        }

        foreach (var property in element.EnumerateObject())
        {
            if (TryReadUInt64(property.Value, out var value))
            {
                result[property.Name] = value;
            }
            else
            {
                problems.Add($"parameters.{property.Name} must be a whole number");
            }
        }

        return result;
    }

    private static List<T> ReadArray<T>(JsonElement root, string field, List<string> problems, bool required, Func<JsonElement, string, List<string>, T?> read)
        where T : class
    {
        var items = new List<T>();
        if (!root.TryGetProperty(field, out var element))
        {
            if (required)
            {
                problems.Add($"missing field '{field}'");
            }

            return items;
        }

        if (element.ValueKind != JsonValueKind.Array)
        {
            problems.Add($"{field} must be an array");
            return items;
        }

        var i = 0;
        foreach (var item in element.EnumerateArray())
        {
            var path = $"{field}[{i++}]";
            if (item.ValueKind != JsonValueKind.Object)
            {
                problems.Add($"{path} must be an object");
                continue;
            }

            if (read(item, path, problems) is { } value)
            {
                items.Add(value);
            }
        }

        return items;
    }

    private static PublicKey? ReadPublicKey(JsonElement element, string field, List<string> problems, string path)
    {
        var text = ReadString(element, field, problems, required: true, path);
        if (text is null)
        {
            return null;
        }

        if (!Hex.TryDecode(text, out var bytes) || bytes.Length != PublicKey.CompressedSize || !PublicKey.TryParse(bytes, out var key))
        {
            problems.Add($"{path}.{field} '{Hex.Truncate(text)}' is not a compressed secp256k1 public key (66 hex digits starting 02 or 03, a point on the curve)");
            return null;
        }

        return key;
    }

    private static ulong? ReadNumber(JsonElement element, string field, List<string> problems, string path)
    {
        if (!element.TryGetProperty(field, out var value))
        {
            problems.Add($"{path}: missing field '{field}'");
            return null;
        }

        if (!TryReadUInt64(value, out var number))
        {
            problems.Add($"{path}.{field} must be a whole number from 0 to {ulong.MaxValue}");
            return null;
        }

        return number;
    }

    private static bool TryReadUInt64(JsonElement value, out ulong number)
    {
        number = 0;
        return value.ValueKind switch
        {
            JsonValueKind.Number => value.TryGetUInt64(out number),
            JsonValueKind.String => value.GetString() is { Length: > 0 and <= 20 } s && s.All(char.IsAsciiDigit) && (s.Length == 1 || s[0] != '0')
                && ulong.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out number),
            _ => false,
        };
    }

    private static string? ReadString(JsonElement element, string field, List<string> problems, bool required, string? path = null)
    {
        var name = path is null ? field : $"{path}.{field}";
        if (!element.TryGetProperty(field, out var value))
        {
            if (required)
            {
                problems.Add(path is null ? $"missing field '{field}'" : $"{path}: missing field '{field}'");
            }

            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            problems.Add($"{name} must be a string");
            return null;
        }

        return value.GetString();
    }

    private static void CheckNoOtherFields(JsonElement element, string path, List<string> problems, params string[] known)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (!known.Contains(property.Name, StringComparer.Ordinal))
            {
                problems.Add($"{path}: unknown field '{property.Name}' (known: {string.Join(", ", known)})");
            }
        }
    }
}
