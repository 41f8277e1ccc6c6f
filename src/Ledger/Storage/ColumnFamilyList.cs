namespace DaiChain.Ledger.Storage;

/// <summary>Turns declared column families into the list a store opens: the default family first, no duplicates.</summary>
internal static class ColumnFamilyList
{
    public static IReadOnlyList<ColumnFamily> Resolve(IReadOnlyList<ColumnFamily>? declared)
    {
        var result = new List<ColumnFamily> { ColumnFamily.Default };
        var seen = new HashSet<ColumnFamily>();
        foreach (var family in declared ?? [])
        {
            if (family is null)
            {
                throw new ArgumentException("column family list contains null", nameof(declared));
            }

            if (!seen.Add(family))
            {
                throw new ArgumentException($"column family '{family}' is declared twice", nameof(declared));
            }

            if (family != ColumnFamily.Default)
            {
                result.Add(family);
            }
        }

        return result.AsReadOnly();
    }

    public static ArgumentException NotDeclared(ColumnFamily family) =>
        new($"column family '{family}' was not declared when the store was opened", nameof(family));
}
