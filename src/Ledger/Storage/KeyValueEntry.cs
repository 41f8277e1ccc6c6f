namespace DaiChain.Ledger.Storage;

/// <summary>
/// One key and its value returned by a scan. Both arrays are fresh copies owned by the caller: they stay valid
/// after the scan moves on and mutating them does not change the store.
/// </summary>
public readonly struct KeyValueEntry : IEquatable<KeyValueEntry>
{
    public KeyValueEntry(byte[] key, byte[] value)
    {
        Key = key;
        Value = value;
    }

    public byte[] Key { get; }

    public byte[] Value { get; }

    public static bool operator ==(KeyValueEntry left, KeyValueEntry right) => left.Equals(right);

    public static bool operator !=(KeyValueEntry left, KeyValueEntry right) => !left.Equals(right);

    public void Deconstruct(out byte[] key, out byte[] value)
    {
        key = Key;
        value = Value;
    }

    /// <summary>Equal when keys and values have the same bytes (not the same arrays).</summary>
    public bool Equals(KeyValueEntry other) =>
        Key.AsSpan().SequenceEqual(other.Key) && Value.AsSpan().SequenceEqual(other.Value);

    public override bool Equals(object? obj) => obj is KeyValueEntry other && Equals(other);

    public override int GetHashCode()
    {
        var hash = default(HashCode);
        hash.AddBytes(Key);
        hash.AddBytes(Value);
        return hash.ToHashCode();
    }

    public override string ToString() => $"{Convert.ToHexString(Key)}={Convert.ToHexString(Value)}";
}
