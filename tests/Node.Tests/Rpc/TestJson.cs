using System.Text.Json.Serialization;

namespace DaiChain.Node.Tests.Rpc;

public sealed record EchoParams(string Message, int? Repeat);

public sealed record EchoResult(string Echo);

public sealed record AddParams(long A, long B);

public sealed record SizeParams(int Size);

public sealed record SubmitParams(string Tx);

public sealed record BlockEvent(long Height, string Hash);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(EchoParams))]
[JsonSerializable(typeof(EchoResult))]
[JsonSerializable(typeof(AddParams))]
[JsonSerializable(typeof(SizeParams))]
[JsonSerializable(typeof(SubmitParams))]
[JsonSerializable(typeof(BlockEvent))]
[JsonSerializable(typeof(long))]
[JsonSerializable(typeof(string))]
public sealed partial class TestJson : JsonSerializerContext;
