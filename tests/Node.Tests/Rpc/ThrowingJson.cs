using System.Text.Json;
using System.Text.Json.Serialization;

namespace DaiChain.Node.Tests.Rpc;

/// <summary>A payload that fails if anyone serializes it: proves publishing without subscribers costs nothing.</summary>
[JsonConverter(typeof(ThrowingConverter))]
public sealed class ThrowingPayload
{
    public sealed class ThrowingConverter : JsonConverter<ThrowingPayload>
    {
        public override ThrowingPayload Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new InvalidOperationException("not readable");

        public override void Write(Utf8JsonWriter writer, ThrowingPayload value, JsonSerializerOptions options) =>
            throw new InvalidOperationException("serialized although nobody subscribed");
    }
}

[JsonSerializable(typeof(ThrowingPayload))]
public sealed partial class ThrowingJson : JsonSerializerContext;
