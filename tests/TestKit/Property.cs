namespace DaiChain.TestKit;

/// <summary>
/// Seeded property checks: run a check over many generated cases and report the seed and case of the
/// first failure, so the failure can be reproduced exactly with <see cref="Replay"/>.
/// </summary>
public static class Property
{
    /// <summary>Default number of cases per property; kept modest so the whole suite stays fast.</summary>
    public const int DefaultCases = 500;

    public static void ForAll(int seed, Action<Random> check, int cases = DefaultCases)
    {
        for (var i = 0; i < cases; i++)
        {
            var caseSeed = CaseSeed(seed, i);
            try
            {
                check(new Random(caseSeed));
            }
            catch (Exception e)
            {
                throw new PropertyFailedException($"property failed at case {i} (seed {seed}, case seed {caseSeed}; reproduce with Property.Replay({caseSeed}, ...)): {e.Message}", e);
            }
        }
    }

    /// <summary>
    /// The seed of case <paramref name="index"/>: a fixed mix (SplitMix64 finaliser), so a property draws the
    /// same cases in every process. <see cref="HashCode.Combine{T1,T2}"/> would not: it is randomised per process.
    /// </summary>
    public static int CaseSeed(int seed, int index)
    {
        var z = ((ulong)(uint)seed << 32) | (uint)index;
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return (int)(z & 0x7FFFFFFF);
    }

    /// <summary>Runs one case from the case seed a failure reported.</summary>
    public static void Replay(int caseSeed, Action<Random> check) => check(new Random(caseSeed));

    public static byte[] Bytes(this Random random, int minLength, int maxLength)
    {
        var bytes = new byte[random.Next(minLength, maxLength + 1)];
        random.NextBytes(bytes);
        return bytes;
    }

    /// <summary>A 64-bit value with an even spread of bit lengths, so small and large values are both common.</summary>
    public static ulong UInt64OfAnyWidth(this Random random)
    {
        var bits = random.Next(0, 65);
        if (bits == 0)
        {
            return 0;
        }

        var value = (ulong)random.NextInt64() ^ ((ulong)random.NextInt64() << 1);
        return bits == 64 ? value : value & ((1UL << bits) - 1);
    }
}
