using System.Text.Json;

namespace DaiChain.Node.Rpc;

/// <summary>Writes a method's result as one JSON value; the dispatcher decides where and within what size.</summary>
internal delegate void RpcResultWriter(Utf8JsonWriter writer);
