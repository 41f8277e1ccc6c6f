using System.Globalization;
using DaiChain.ModelRegistry.Evaluation.Onnx;
using DaiChain.ModelRegistry.Evaluation.Tensors;

namespace DaiChain.ModelRegistry.Evaluation.Operators;

/// <summary>Typed access to a node's attributes that remembers which were read.</summary>
/// <remarks>
/// A kernel reads (or explicitly ignores) every attribute it understands; <see cref="RejectUnread"/> then
/// rejects the node if any attribute remains, so an attribute that would change the result is never silently
/// dropped.
/// </remarks>
internal sealed class NodeAttributes
{
    private readonly OnnxNode _node;
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    public NodeAttributes(OnnxNode node)
    {
        _node = node;
    }

    public bool Has(string name)
    {
        _read.Add(name);
        return _node.Attributes.ContainsKey(name);
    }

    /// <summary>Marks attributes that do not affect inference (hit rates, momentum, documentation).</summary>
    public void Ignore(params string[] names)
    {
        foreach (var n in names)
        {
            _read.Add(n);
        }
    }

    public long Int(string name, long fallback) =>
        Get(name, AttributeProto.Types.AttributeType.Int) is { } a ? a.Int : fallback;

    public long RequiredInt(string name) =>
        (Get(name, AttributeProto.Types.AttributeType.Int) ?? throw Missing(name)).Int;

    public float Float(string name, float fallback) =>
        Get(name, AttributeProto.Types.AttributeType.Float) is { } a ? a.Float : fallback;

    public string String(string name, string fallback) =>
        Get(name, AttributeProto.Types.AttributeType.String) is { } a ? a.String : fallback;

    public long[]? Ints(string name) => Get(name, AttributeProto.Types.AttributeType.Ints)?.Ints;

    public float[]? Floats(string name) => Get(name, AttributeProto.Types.AttributeType.Floats)?.Floats;

    public string[]? Strings(string name) => Get(name, AttributeProto.Types.AttributeType.Strings)?.Strings;

    public Tensor? Tensor(string name) => Get(name, AttributeProto.Types.AttributeType.Tensor)?.Tensor;

    public void RejectUnread()
    {
        foreach (var name in _node.Attributes.Keys.Order(StringComparer.Ordinal))
        {
            if (!_read.Contains(name))
            {
                throw new OnnxModelException(ModelRejectionReason.InvalidAttribute,
                    $"unsupported attribute '{name}' on {_node.Describe()}");
            }
        }
    }

    public OnnxModelException Invalid(string name, string why) =>
        new(ModelRejectionReason.InvalidAttribute, $"attribute '{name}' of {_node.Describe()}: {why}");

    private OnnxAttribute? Get(string name, AttributeProto.Types.AttributeType kind)
    {
        _read.Add(name);
        if (!_node.Attributes.TryGetValue(name, out var a))
        {
            return null;
        }

        if (a.Kind != kind)
        {
            throw Invalid(name, string.Create(CultureInfo.InvariantCulture, $"expected {kind.ToString().ToUpperInvariant()}, found {a.Kind.ToString().ToUpperInvariant()}"));
        }

        return a;
    }

    private OnnxModelException Missing(string name) => Invalid(name, "required but missing");
}
