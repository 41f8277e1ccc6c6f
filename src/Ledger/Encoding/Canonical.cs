namespace DaiChain.Ledger.Encoding;

/// <summary>Whole-value encoding and decoding for types that own their canonical form.</summary>
public static class Canonical
{
    /// <summary>The canonical bytes of <paramref name="value"/>.</summary>
    public static byte[] Encode<T>(T value)
        where T : ICanonicalEncodable<T>
    {
        var writer = new CanonicalWriter(stackalloc byte[512]);
        try
        {
            value.Encode(ref writer);
            return writer.ToArray();
        }
        finally
        {
            writer.Dispose();
        }
    }

    /// <summary>Decodes one value that must use all of <paramref name="bytes"/>.</summary>
    public static T Decode<T>(ReadOnlySpan<byte> bytes)
        where T : ICanonicalEncodable<T>
    {
        var reader = new CanonicalReader(bytes);
        var value = T.Decode(ref reader);
        reader.EnsureEnd(typeof(T).Name);
        return value;
    }
}
