using System.Text.Json.Serialization;

namespace DaiChain.Node.Audit;

/// <summary>Source-generated JSON for the audit RPC method: camelCase, nulls left out.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AuditStatus))]
internal sealed partial class AuditJson : JsonSerializerContext;
