namespace DaiChain.Ledger.Storage;

/// <summary>Order in which a range or prefix scan returns keys.</summary>
public enum ScanDirection
{
    /// <summary>Ascending unsigned-byte lexicographic order.</summary>
    Forward = 0,

    /// <summary>Descending unsigned-byte lexicographic order.</summary>
    Reverse = 1,
}
