using System.Runtime.InteropServices;

namespace DaiChain.Ledger.Storage;

/// <summary>
/// An ordered list of puts and deletes over any column families, applied atomically by
/// <see cref="IKeyValueStore.Write(WriteBatch, bool)"/>. Independent of the storage backend.
/// </summary>
/// <remarks>
/// <para>Keys and values are copied into the batch when added, so the caller may reuse its buffers. Operations
/// apply in the order added: a later put or delete of the same key wins.</para>
/// <para>A batch is bounded: at most <see cref="CountMax"/> operations and <see cref="BytesMax"/> bytes of keys
/// and values (<see cref="PayloadBytes"/>); keys are at most <see cref="KeyBytesMax"/> bytes. Adding beyond a
/// bound throws <see cref="InvalidOperationException"/> and leaves the batch unchanged, so that one oversized
/// block cannot exhaust memory.</para>
/// <para>Not thread-safe: build a batch on one thread. It may be written more than once and reused after
/// <see cref="Clear"/>.</para>
/// </remarks>
public sealed class WriteBatch
{
    /// <summary>Longest accepted key, in bytes.</summary>
    public const int KeyBytesMax = 4096;

    /// <summary>Default bound on the number of operations: 1,000,000.</summary>
    public const int CountMaxDefault = 1_000_000;

    /// <summary>Default bound on key and value bytes: 256 MiB.</summary>
    public const int BytesMaxDefault = 256 * 1024 * 1024;

    /// <summary>Largest bound a batch may be given: 1 GiB.</summary>
    public const int BytesMaxLimit = 1024 * 1024 * 1024;

    private readonly List<WriteBatchOperation> _operations = [];
    private byte[] _data = [];
    private int _dataLength;

    /// <summary>Creates a batch with the default bounds.</summary>
    public WriteBatch()
        : this(CountMaxDefault, BytesMaxDefault)
    {
    }

    /// <summary>Creates a batch bounded to <paramref name="countMax"/> operations and <paramref name="bytesMax"/> bytes.</summary>
    public WriteBatch(int countMax, int bytesMax)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(countMax);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bytesMax);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bytesMax, BytesMaxLimit);
        CountMax = countMax;
        BytesMax = bytesMax;
    }

    /// <summary>Most operations this batch accepts.</summary>
    public int CountMax { get; }

    /// <summary>Most key and value bytes this batch accepts.</summary>
    public int BytesMax { get; }

    /// <summary>Number of operations recorded.</summary>
    public int Count => _operations.Count;

    /// <summary>Key and value bytes recorded (the quantity bounded by <see cref="BytesMax"/>).</summary>
    public int PayloadBytes => _dataLength;

    /// <summary>Whether no operation is recorded.</summary>
    public bool IsEmpty => _operations.Count == 0;

    internal ReadOnlySpan<WriteBatchOperation> Operations => CollectionsMarshal.AsSpan(_operations);

    /// <summary>Records that <paramref name="key"/> maps to <paramref name="value"/> (empty values are allowed).</summary>
    public void Put(ColumnFamily family, ReadOnlySpan<byte> key, ReadOnlySpan<byte> value)
    {
        ArgumentNullException.ThrowIfNull(family);
        CheckKey(key);
        Reserve(key.Length + (long)value.Length);
        var keyOffset = Append(key);
        var valueOffset = Append(value);
        _operations.Add(new WriteBatchOperation(family, IsDelete: false, keyOffset, key.Length, valueOffset, value.Length));
    }

    /// <summary>Records that <paramref name="key"/> is absent (deleting an absent key is not an error).</summary>
    public void Delete(ColumnFamily family, ReadOnlySpan<byte> key)
    {
        ArgumentNullException.ThrowIfNull(family);
        CheckKey(key);
        Reserve(key.Length);
        var keyOffset = Append(key);
        _operations.Add(new WriteBatchOperation(family, IsDelete: true, keyOffset, key.Length, ValueOffset: 0, ValueLength: 0));
    }

    /// <summary>Removes every operation; the bounds stay.</summary>
    public void Clear()
    {
        _operations.Clear();
        _dataLength = 0;
    }

    internal ReadOnlySpan<byte> Key(in WriteBatchOperation operation) => _data.AsSpan(operation.KeyOffset, operation.KeyLength);

    internal ReadOnlySpan<byte> Value(in WriteBatchOperation operation) => _data.AsSpan(operation.ValueOffset, operation.ValueLength);

    private static void CheckKey(ReadOnlySpan<byte> key)
    {
        if (key.Length > KeyBytesMax)
        {
            throw new ArgumentException($"key is {key.Length} bytes; the limit is {KeyBytesMax}", nameof(key));
        }
    }

    private void Reserve(long payloadBytes)
    {
        if (_operations.Count >= CountMax)
        {
            throw new InvalidOperationException($"write batch is full: {CountMax} operations is the limit");
        }

        var needed = _dataLength + payloadBytes;
        if (needed > BytesMax)
        {
            throw new InvalidOperationException(
                $"write batch is full: {needed} bytes of keys and values would exceed the limit of {BytesMax}");
        }

        if (needed > _data.Length)
        {
            var capacity = (int)Math.Min(BytesMax, Math.Max(needed, Math.Max(256L, 2L * _data.Length)));
            Array.Resize(ref _data, capacity);
        }
    }

    private int Append(ReadOnlySpan<byte> bytes)
    {
        var offset = _dataLength;
        bytes.CopyTo(_data.AsSpan(offset));
        _dataLength += bytes.Length;
        return offset;
    }
}
