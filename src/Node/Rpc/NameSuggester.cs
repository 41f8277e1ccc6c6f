namespace DaiChain.Node.Rpc;

/// <summary>Finds the known name a client most likely meant (a misspelt method, parameter or field).</summary>
internal static class NameSuggester
{
    private const int MaxComparedChars = 64;

    /// <summary>
    /// The closest of <paramref name="known"/> to <paramref name="given"/>, or null when nothing is close:
    /// a case-insensitive match first, then a name whose part after the namespace equals it
    /// (<c>getBlock</c> → <c>chain_getBlock</c>), then the smallest edit distance within a third of the length
    /// (at least 2).
    /// </summary>
    public static string? Suggest(string given, IEnumerable<string> known)
    {
        if (given.Length == 0 || given.Length > MaxComparedChars)
        {
            return null;
        }

        var candidates = known.ToList();
        var exact = candidates.FirstOrDefault(k => string.Equals(k, given, StringComparison.OrdinalIgnoreCase));
        if (exact is not null)
        {
            return exact;
        }

        var unqualified = candidates.FirstOrDefault(k => k.EndsWith("_" + given, StringComparison.OrdinalIgnoreCase) || k.EndsWith("." + given, StringComparison.OrdinalIgnoreCase));
        if (unqualified is not null)
        {
            return unqualified;
        }

        var threshold = Math.Max(2, given.Length / 3);
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = Distance(given.ToUpperInvariant(), candidate.ToUpperInvariant());
            if (distance <= threshold && distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best;
    }

    /// <summary>Levenshtein distance with two rolling rows; inputs are bounded by <see cref="MaxComparedChars"/>.</summary>
    private static int Distance(string a, string b)
    {
        if (b.Length > MaxComparedChars)
        {
            return int.MaxValue;
        }

        Span<int> previous = stackalloc int[b.Length + 1];
        Span<int> current = stackalloc int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), substitution);
            }

            current.CopyTo(previous);
        }

        return previous[b.Length];
    }
}
