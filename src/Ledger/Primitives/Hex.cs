namespace DaiChain.Ledger.Primitives;

/// <summary>Lower-case hexadecimal, the one text form of hashes, addresses and raw bytes in DaiChain.</summary>
public static class Hex
{
    /// <summary>Lower-case hex with no prefix.</summary>
    public static string Encode(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(bytes);

    /// <summary>Parses hex with an optional <c>0x</c> prefix; either case is accepted.</summary>
    /// <exception cref="FormatException">The text is not an even number of hex digits.</exception>
    public static byte[] Decode(string text)
    {
        if (!TryDecode(text, out var bytes))
        {
            throw new FormatException($"'{Truncate(text)}' is not hex (an even number of 0-9a-f digits, optional 0x prefix)");
        }

        return bytes;
    }

    public static bool TryDecode(string? text, out byte[] bytes)
    {
        bytes = [];
        if (text is null)
        {
            return false;
        }

        var digits = text.AsSpan();
        if (digits.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            digits = digits[2..];
        }

        if (digits.Length % 2 != 0)
        {
            return false;
        }

        var result = new byte[digits.Length / 2];
        if (Convert.FromHexString(digits, result, out _, out var written) != System.Buffers.OperationStatus.Done || written != result.Length)
        {
            return false;
        }

        bytes = result;
        return true;
    }

    internal static string Truncate(string text) => text.Length <= 80 ? text : string.Concat(text.AsSpan(0, 77), "...");
}
