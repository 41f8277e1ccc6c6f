using System.Buffers.Binary;
using DaiChain.Ledger.Primitives;

namespace DaiChain.Ledger.Execution;

/// <summary>Big-endian key layouts of the chain database (so that keys sort by height).</summary>
internal static class StoreKeys
{
    public static byte[] Height(ulong height)
    {
        var key = new byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(key, height);
        return key;
    }

    public static ulong ReadHeight(ReadOnlySpan<byte> key) => BinaryPrimitives.ReadUInt64BigEndian(key);

    public static byte[] HashKey(Hash256 hash) => hash.ToArray();

    /// <summary>keyHash ‖ version.</summary>
    public static byte[] ValueVersion(Hash256 keyHash, ulong version)
    {
        var key = new byte[Hash256.Size + 8];
        keyHash.CopyTo(key);
        BinaryPrimitives.WriteUInt64BigEndian(key.AsSpan(Hash256.Size), version);
        return key;
    }

    /// <summary>version ‖ suffix.</summary>
    public static byte[] VersionPrefixed(ulong version, ReadOnlySpan<byte> suffix)
    {
        var key = new byte[8 + suffix.Length];
        BinaryPrimitives.WriteUInt64BigEndian(key, version);
        suffix.CopyTo(key.AsSpan(8));
        return key;
    }

    /// <summary>address ‖ height ‖ index.</summary>
    public static byte[] AccountTransaction(Address account, ulong height, int index)
    {
        var key = new byte[Address.Size + 12];
        account.CopyTo(key);
        BinaryPrimitives.WriteUInt64BigEndian(key.AsSpan(Address.Size), height);
        BinaryPrimitives.WriteUInt32BigEndian(key.AsSpan(Address.Size + 8), (uint)index);
        return key;
    }

    /// <summary>height ‖ index.</summary>
    public static byte[] Location(ulong height, int index)
    {
        var value = new byte[12];
        BinaryPrimitives.WriteUInt64BigEndian(value, height);
        BinaryPrimitives.WriteUInt32BigEndian(value.AsSpan(8), (uint)index);
        return value;
    }

    public static (ulong Height, int Index) ReadLocation(ReadOnlySpan<byte> value) =>
        (BinaryPrimitives.ReadUInt64BigEndian(value), (int)BinaryPrimitives.ReadUInt32BigEndian(value[8..]));
}
