namespace DaiChain.Ledger.Storage;

/// <summary>
/// Names a column family: an independent, ordered key space inside one store. Every store has
/// <see cref="Default"/>; the others are declared in <see cref="StoreOptions.ColumnFamilies"/> when the store is
/// opened, and a batch may write to several of them atomically.
/// </summary>
/// <remarks>
/// Names are 1 to <see cref="NameLengthMax"/> characters of ASCII letters, digits, '_', '-' and '.', so that
/// they are safe in RocksDB's OPTIONS files and log lines. Equality is ordinal on the name.
/// </remarks>
public sealed record ColumnFamily
{
    /// <summary>Longest accepted name, in characters.</summary>
    public const int NameLengthMax = 64;

    /// <summary>Creates a column family identifier; throws <see cref="ArgumentException"/> on an invalid name.</summary>
    public ColumnFamily(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (name.Length > NameLengthMax)
        {
            throw new ArgumentException($"column family name is {name.Length} characters; the limit is {NameLengthMax}", nameof(name));
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('_' or '-' or '.'))
            {
                throw new ArgumentException($"column family name '{name}' may contain only ASCII letters, digits, '_', '-' and '.'", nameof(name));
            }
        }

        Name = name;
    }

    /// <summary>The column family every store has (RocksDB's <c>default</c>).</summary>
    public static ColumnFamily Default { get; } = new("default");

    public string Name { get; }

    public override string ToString() => Name;
}
