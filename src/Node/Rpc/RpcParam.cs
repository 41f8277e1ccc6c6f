using System.Text.Json.Nodes;
using DaiChain.Node.Rpc.Schema;

namespace DaiChain.Node.Rpc;

/// <summary>
/// One declared parameter of a method: its name (the by-name key and, by declaration order, its by-position
/// index), its JSON Schema, whether it is required, and a one-line summary for the OpenRPC document.
/// </summary>
public sealed class RpcParam
{
    private readonly JsonObject _schema;

    internal RpcParam(string name, JsonObject schema, bool required, string summary, string methodName)
    {
        Name = name;
        _schema = (JsonObject)schema.DeepClone();
        Required = required;
        Summary = summary;
        Compiled = CompiledSchema.Compile(_schema, $"{methodName} params.{name}");
    }

    public string Name { get; }

    public bool Required { get; }

    public string Summary { get; }

    /// <summary>A copy of the schema fragment.</summary>
    public JsonObject Schema => (JsonObject)_schema.DeepClone();

    internal CompiledSchema Compiled { get; }
}
