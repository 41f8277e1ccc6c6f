using System.Globalization;

namespace DaiChain.ModelRegistry.Queries;

/// <summary>
/// Where a page starts and how long it is. Cursors are opaque to clients: a decimal list index, as returned in
/// <see cref="Page{T}.NextCursor"/>; lists are append-only, so a cursor stays valid as the chain grows.
/// </summary>
public readonly record struct PageRequest(ulong Start, int Limit)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    /// <summary>Parses a client's cursor and limit; false with a reason when the cursor is not one the node issued.</summary>
    public static bool TryCreate(string? cursor, int? limit, out PageRequest request, out string? problem)
    {
        request = default;
        problem = null;
        var start = 0UL;
        if (cursor is not null && !ulong.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out start))
        {
            problem = "not a cursor this node issued (pass nextCursor from the previous page)";
            return false;
        }

        var size = limit ?? DefaultLimit;
        if (size is < 1 or > MaxLimit)
        {
            problem = $"a page holds 1-{MaxLimit} items";
            return false;
        }

        request = new PageRequest(start, size);
        return true;
    }

    /// <summary>The cursor after a page that ended at <paramref name="next"/>, or null when the list has no more.</summary>
    public static string? CursorAfter(ulong next, ulong total) => next < total ? next.ToString(CultureInfo.InvariantCulture) : null;
}
