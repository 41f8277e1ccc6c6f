using System.Globalization;
using DaiChain.Ledger.Crypto;

namespace DaiChain.Node.Cli.Commands;

/// <summary>Flag values shared by the genesis commands, each rejected with a message naming the flag.</summary>
internal static class GenesisCommandInput
{
    public static PublicKey PublicKey(CommandInput input, string option)
    {
        var text = input.Option(option)!;
        try
        {
            return Ledger.Crypto.PublicKey.Parse(text);
        }
        catch (FormatException e)
        {
            throw new UsageException($"--{option}: {e.Message}", e);
        }
    }

    public static ulong UInt64(CommandInput input, string option)
    {
        var text = input.Option(option)!;
        return ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new UsageException($"--{option} '{text}' must be a whole number from 0 to {ulong.MaxValue}");
    }
}
