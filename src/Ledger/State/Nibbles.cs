using DaiChain.Ledger.Primitives;

namespace DaiChain.Ledger.State;

/// <summary>Nibble (4-bit) access to 256-bit tree keys: nibble 0 is the high half of byte 0.</summary>
internal static class Nibbles
{
    /// <summary>A 256-bit key has 64 nibbles; no tree path is longer.</summary>
    public const int MaxDepth = 64;

    public static int Get(ReadOnlySpan<byte> key, int index)
    {
        var b = key[index >> 1];
        return (index & 1) == 0 ? b >> 4 : b & 0x0F;
    }

    public static int Get(Hash256 key, int index)
    {
        Span<byte> bytes = stackalloc byte[Hash256.Size];
        key.CopyTo(bytes);
        return Get(bytes, index);
    }

    /// <summary>The first <paramref name="depth"/> nibbles of <paramref name="key"/>, the rest zeroed.</summary>
    public static Hash256 Prefix(ReadOnlySpan<byte> key, int depth)
    {
        Span<byte> bytes = stackalloc byte[Hash256.Size];
        key[..Hash256.Size].CopyTo(bytes);
        ClearFrom(bytes, depth);
        return new Hash256(bytes);
    }

    /// <summary>The path of <paramref name="parent"/> extended by one nibble.</summary>
    public static Hash256 Child(Hash256 parent, int parentDepth, int nibble)
    {
        Span<byte> bytes = stackalloc byte[Hash256.Size];
        parent.CopyTo(bytes);
        var i = parentDepth >> 1;
        bytes[i] = (parentDepth & 1) == 0 ? (byte)((nibble << 4) | (bytes[i] & 0x0F)) : (byte)((bytes[i] & 0xF0) | nibble);
        return new Hash256(bytes);
    }

    /// <summary>True when the first <paramref name="bits"/> bits of the two keys are equal.</summary>
    public static bool SharePrefixBits(Hash256 a, Hash256 b, int bits)
    {
        Span<byte> x = stackalloc byte[Hash256.Size];
        Span<byte> y = stackalloc byte[Hash256.Size];
        a.CopyTo(x);
        b.CopyTo(y);
        var whole = bits >> 3;
        if (!x[..whole].SequenceEqual(y[..whole]))
        {
            return false;
        }

        var rest = bits & 7;
        if (rest == 0)
        {
            return true;
        }

        var mask = (byte)(0xFF << (8 - rest));
        return (x[whole] & mask) == (y[whole] & mask);
    }

    private static void ClearFrom(Span<byte> bytes, int depth)
    {
        var i = depth >> 1;
        if ((depth & 1) == 1)
        {
            bytes[i] &= 0xF0;
            i++;
        }

        bytes[i..].Clear();
    }
}
