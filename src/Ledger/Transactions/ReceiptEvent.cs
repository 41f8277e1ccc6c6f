using DaiChain.Ledger.Encoding;

namespace DaiChain.Ledger.Transactions;

/// <summary>Something a transaction did, for indexers and subscribers: a type and ordered key/value attributes.</summary>
/// <remarks>Encoding: type <c>string&lt;64&gt;</c>, then <c>list&lt;(key string&lt;64&gt;, value string&lt;1024&gt;), 32&gt;</c>.</remarks>
public sealed class ReceiptEvent : ICanonicalEncodable<ReceiptEvent>
{
    public const int MaxTypeBytes = 64;
    public const int MaxKeyBytes = 64;
    public const int MaxValueBytes = 1024;
    public const int MaxAttributes = 32;

    private readonly KeyValuePair<string, string>[] _attributes;

    public ReceiptEvent(string type, IEnumerable<KeyValuePair<string, string>> attributes)
    {
        Type = type;
        _attributes = [.. attributes];
        ArgumentOutOfRangeException.ThrowIfGreaterThan(_attributes.Length, MaxAttributes);
    }

    public string Type { get; }

    public IReadOnlyList<KeyValuePair<string, string>> Attributes => _attributes;

    public string? this[string key] => _attributes.FirstOrDefault(a => a.Key == key).Value;

    public void Encode(ref CanonicalWriter writer)
    {
        writer.WriteString(Type, MaxTypeBytes);
        writer.WriteList(_attributes, MaxAttributes, static (ref CanonicalWriter w, KeyValuePair<string, string> a) =>
        {
            w.WriteString(a.Key, MaxKeyBytes);
            w.WriteString(a.Value, MaxValueBytes);
        });
    }

    public static ReceiptEvent Decode(ref CanonicalReader reader)
    {
        var type = reader.ReadString("event.type", MaxTypeBytes);
        var attributes = reader.ReadList("event.attributes", MaxAttributes, static (ref CanonicalReader r) =>
            new KeyValuePair<string, string>(r.ReadString("event.attribute.key", MaxKeyBytes), r.ReadString("event.attribute.value", MaxValueBytes)));
        return new ReceiptEvent(type, attributes);
    }

    public override string ToString() => $"{Type}({string.Join(", ", _attributes.Select(a => $"{a.Key}={a.Value}"))})";
}
