using DaiChain.Ledger.Primitives;

namespace DaiChain.TestKit;

/// <summary>Seeded generators for property tests: every failure message carries the seed that reproduces it.</summary>
public static class Seeds
{
    /// <summary>The seeds a property test runs with; fixed so runs are repeatable.</summary>
    public static IEnumerable<object[]> Default => [[11], [2024], [77_777], [31_337], [900_001]];

    public static Hash256 NextHash(this Random random)
    {
        Span<byte> bytes = stackalloc byte[Hash256.Size];
        random.NextBytes(bytes);
        return new Hash256(bytes);
    }

    public static Address NextAddress(this Random random)
    {
        Span<byte> bytes = stackalloc byte[Address.Size];
        random.NextBytes(bytes);
        return new Address(bytes);
    }

    public static byte[] NextBytes(this Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    /// <summary><paramref name="count"/> distinct random hashes.</summary>
    public static List<Hash256> DistinctHashes(this Random random, int count)
    {
        var set = new HashSet<Hash256>();
        while (set.Count < count)
        {
            set.Add(random.NextHash());
        }

        return [.. set.OrderBy(h => h)];
    }

    /// <summary>A copy of <paramref name="items"/> in a seeded random order.</summary>
    public static List<T> Shuffled<T>(this Random random, IEnumerable<T> items)
    {
        var list = items.ToList();
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }

        return list;
    }
}
