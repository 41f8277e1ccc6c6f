namespace DaiChain.Ledger.Storage;

/// <summary>
/// One put or delete recorded in a <see cref="WriteBatch"/>; key and value are slices of the batch's buffer.
/// </summary>
internal readonly record struct WriteBatchOperation(
    ColumnFamily Family,
    bool IsDelete,
    int KeyOffset,
    int KeyLength,
    int ValueOffset,
    int ValueLength);
