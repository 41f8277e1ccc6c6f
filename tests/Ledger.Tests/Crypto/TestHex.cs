using System.Numerics;

namespace DaiChain.Ledger.Tests.Crypto;

/// <summary>Byte helpers for the crypto tests.</summary>
internal static class TestHex
{
    public static readonly BigInteger Order = ToInteger(Convert.FromHexString("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141"));

    public static byte[] Bytes(string hex) => Convert.FromHexString(hex);

    public static BigInteger ToInteger(ReadOnlySpan<byte> bigEndian) => new(bigEndian, isUnsigned: true, isBigEndian: true);

    public static byte[] ToBytes32(BigInteger value)
    {
        var bytes = value.ToByteArray(isUnsigned: true, isBigEndian: true);
        var result = new byte[32];
        bytes.CopyTo(result, 32 - bytes.Length);
        return result;
    }

    /// <summary>r || s || v.</summary>
    public static byte[] Signature(ReadOnlySpan<byte> r, ReadOnlySpan<byte> s, byte v)
    {
        var bytes = new byte[65];
        r.CopyTo(bytes);
        s.CopyTo(bytes.AsSpan(32));
        bytes[64] = v;
        return bytes;
    }

    public static byte[] Flip(ReadOnlySpan<byte> bytes, int index, byte mask = 0x01)
    {
        var copy = bytes.ToArray();
        copy[index] ^= mask;
        return copy;
    }
}
