using System.Text.Json.Serialization;

namespace DaiChain.Node.Configuration;

/// <summary>Source-generated JSON for <see cref="NodeConfig"/>: snake_case names, comments and trailing commas allowed, unknown names refused.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    WriteIndented = true)]
[JsonSerializable(typeof(NodeConfig))]
internal sealed partial class NodeConfigJson : JsonSerializerContext;
