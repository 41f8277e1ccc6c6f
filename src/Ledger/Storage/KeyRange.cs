namespace DaiChain.Ledger.Storage;

/// <summary>Key order and range arithmetic shared by every store, so that all of them agree byte for byte.</summary>
internal static class KeyRange
{
    /// <summary>Unsigned-byte lexicographic order; a proper prefix sorts before its extensions.</summary>
    public static int Compare(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right) => left.SequenceCompareTo(right);

    /// <summary>
    /// The smallest key greater than every key that starts with <paramref name="prefix"/>, or null when there is
    /// none (an empty prefix, or one made only of 0xFF bytes): strip trailing 0xFF bytes, increment the last.
    /// </summary>
    public static byte[]? PrefixUpperBound(ReadOnlySpan<byte> prefix)
    {
        var end = prefix.Length;
        while (end > 0 && prefix[end - 1] == 0xFF)
        {
            end--;
        }

        if (end == 0)
        {
            return null;
        }

        var bound = prefix[..end].ToArray();
        bound[end - 1]++;
        return bound;
    }

    /// <summary>Copies scan bounds and checks that they are in order; an empty lower bound is no bound.</summary>
    public static (byte[]? Lower, byte[]? Upper) CopyBounds(byte[]? from, byte[]? to)
    {
        if (from is not null && to is not null && Compare(from, to) > 0)
        {
            throw new ArgumentException(
                $"range start {Convert.ToHexString(from)} is after its end {Convert.ToHexString(to)}", nameof(from));
        }

        var lower = from is { Length: > 0 } ? (byte[])from.Clone() : null;
        var upper = to is null ? null : (byte[])to.Clone();
        return (lower, upper);
    }

    /// <summary>Rejects keys longer than <see cref="WriteBatch.KeyBytesMax"/>: no such key can be stored.</summary>
    public static void CheckKey(ReadOnlySpan<byte> key)
    {
        if (key.Length > WriteBatch.KeyBytesMax)
        {
            throw new ArgumentException($"key is {key.Length} bytes; the limit is {WriteBatch.KeyBytesMax}", nameof(key));
        }
    }

    /// <summary>Checks a scan direction argument.</summary>
    public static void CheckDirection(ScanDirection direction)
    {
        if (direction is not (ScanDirection.Forward or ScanDirection.Reverse))
        {
            throw new ArgumentOutOfRangeException(nameof(direction), direction, "unknown scan direction");
        }
    }
}
