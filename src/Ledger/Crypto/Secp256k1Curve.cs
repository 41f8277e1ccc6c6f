namespace DaiChain.Ledger.Crypto;

/// <summary>Range checks on 32-byte big-endian scalars against the secp256k1 group order n.</summary>
/// <remarks>
/// Done in C# with byte comparisons so that malformed input is rejected before it reaches the library, and so
/// the canonical low-S rule is an explicit, library-independent check.
/// </remarks>
internal static class Secp256k1Curve
{
    /// <summary>n = FFFFFFFF FFFFFFFF FFFFFFFF FFFFFFFE BAAEDCE6 AF48A03B BFD25E8C D0364141.</summary>
    public static ReadOnlySpan<byte> Order =>
    [
        0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFE,
        0xBA, 0xAE, 0xDC, 0xE6, 0xAF, 0x48, 0xA0, 0x3B, 0xBF, 0xD2, 0x5E, 0x8C, 0xD0, 0x36, 0x41, 0x41,
    ];

    /// <summary>floor(n / 2) = 7FFFFFFF FFFFFFFF FFFFFFFF FFFFFFFF 5D576E73 57A4501D DFE92F46 681B20A0.</summary>
    public static ReadOnlySpan<byte> HalfOrder =>
    [
        0x7F, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
        0x5D, 0x57, 0x6E, 0x73, 0x57, 0xA4, 0x50, 0x1D, 0xDF, 0xE9, 0x2F, 0x46, 0x68, 0x1B, 0x20, 0xA0,
    ];

    /// <summary>True for a 32-byte value in [1, n-1]: a valid secret key, r or s.</summary>
    public static bool IsValidScalar(ReadOnlySpan<byte> value) =>
        value.Length == 32 && value.ContainsAnyExcept((byte)0) && value.SequenceCompareTo(Order) < 0;

    /// <summary>True for a 32-byte value in [1, n/2]: the canonical (low) half for s.</summary>
    public static bool IsLowS(ReadOnlySpan<byte> value) =>
        value.Length == 32 && value.ContainsAnyExcept((byte)0) && value.SequenceCompareTo(HalfOrder) <= 0;
}
