using DaiChain.Ledger.Encoding;

namespace DaiChain.ModelRegistry.Records;

/// <summary>A version's model card (Markdown), under <c>reg.card/{version id}</c>: version <c>u8 = 1</c>, text <c>string&lt;16384&gt;</c>.</summary>
public sealed record ModelCard(string Text) : ICanonicalEncodable<ModelCard>
{
    private const byte Version1 = 1;

    public void Encode(ref CanonicalWriter writer)
    {
        writer.WriteByte(Version1);
        writer.WriteString(Text, RegistryLimits.MaxModelCardBytes);
    }

    public static ModelCard Decode(ref CanonicalReader reader)
    {
        _ = reader.ReadVersion("card.version", Version1);
        return new ModelCard(reader.ReadString("card.text", RegistryLimits.MaxModelCardBytes));
    }
}
