using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Primitives;

namespace DaiChain.ModelRegistry.Records;

/// <summary>List encodings shared by the registry's records and payloads.</summary>
internal static class RecordCodec
{
    public static void WriteHashes(ref CanonicalWriter writer, IReadOnlyList<Hash256> items, int max) =>
        writer.WriteList(items, max, static (ref CanonicalWriter w, Hash256 h) => w.WriteHash(h));

    public static Hash256[] ReadHashes(ref CanonicalReader reader, string field, int max) =>
        reader.ReadList(field, max, static (ref CanonicalReader r) => r.ReadHash("hash"));

    public static void WriteAddresses(ref CanonicalWriter writer, IReadOnlyList<Address> items, int max) =>
        writer.WriteList(items, max, static (ref CanonicalWriter w, Address a) => w.WriteAddress(a));

    /// <summary>Reads addresses that must be sorted ascending without repeats (sets have one encoding).</summary>
    public static Address[] ReadSortedAddresses(ref CanonicalReader reader, string field, int max)
    {
        var at = reader.Position;
        var items = reader.ReadList(field, max, static (ref CanonicalReader r) => r.ReadAddress("address"));
        for (var i = 1; i < items.Length; i++)
        {
            if (items[i - 1].CompareTo(items[i]) >= 0)
            {
                throw new CodecException(field, at, "addresses must be sorted ascending without repeats");
            }
        }

        return items;
    }

    public static void WriteStrings(ref CanonicalWriter writer, IReadOnlyList<string> items, int max, int maxBytes)
    {
        if (items.Count > max)
        {
            throw new ArgumentException($"{items.Count} items exceed the field limit of {max}", nameof(items));
        }

        writer.WriteVarUInt((ulong)items.Count);
        foreach (var item in items)
        {
            writer.WriteString(item, maxBytes);
        }
    }

    public static string[] ReadStrings(ref CanonicalReader reader, string field, int max, int maxBytes)
    {
        var start = reader.Position;
        var count = reader.ReadVarInt32(field, max);
        if (count > reader.Remaining)
        {
            throw new CodecException(field, start, $"list of {count} items cannot fit in the {reader.Remaining} bytes left");
        }

        var items = new string[count];
        for (var i = 0; i < count; i++)
        {
            items[i] = reader.ReadString(field, maxBytes);
        }

        return items;
    }

    /// <summary>An optional hash: zero means absent.</summary>
    public static Hash256? NonZero(Hash256 hash) => hash.IsZero ? null : hash;
}
