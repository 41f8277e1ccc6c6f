using System.Globalization;
using DaiChain.Ledger.Audit;
using DaiChain.Ledger.Execution;
using DaiChain.Ledger.Genesis;
using DaiChain.Node.Audit;

namespace DaiChain.Node.Cli.Commands;

/// <summary>Flags and inputs the <c>audit</c> commands share: where the chain is and which genesis to trust.</summary>
internal static class AuditCommandInput
{
    public static readonly OptionSpec Home = new("home", "DIR", "a node's home directory (genesis.json, config.json, data/)");
    public static readonly OptionSpec Data = new("data", "DIR", "a node's data folder (or its chain database), opened read-only");
    public static readonly OptionSpec Genesis = new("genesis", "FILE", "the genesis.json to trust (default: the home's)");

    /// <summary>The chain database and genesis named by --home or --data (exactly one) and --genesis.</summary>
    public static (ChainDataLocation Location, string GenesisPath) Locate(CommandInput input)
    {
        var home = input.Option(Home.Name);
        var data = input.Option(Data.Name);
        if ((home is null) == (data is null))
        {
            throw new UsageException($"'{input.CommandPath}' needs exactly one of --home DIR or --data DIR");
        }

        var location = home is not null ? ChainDataLocation.FromHome(home) : ChainDataLocation.FromData(data!);
        var genesis = input.Option(Genesis.Name) ?? location.GenesisPath
            ?? throw new UsageException($"'{input.CommandPath}' with --data needs --genesis FILE (the genesis.json you trust)");
        return (location, genesis);
    }

    /// <summary>Reads and validates the trusted genesis.</summary>
    public static TrustedGenesis LoadGenesis(string path, ChainRules rules)
    {
        if (!File.Exists(path))
        {
            throw new CommandException($"{path} does not exist; give the genesis.json you trust with --genesis");
        }

        var parsed = GenesisJson.Parse(File.ReadAllText(path), rules);
        if (!parsed.IsValid)
        {
            throw new CommandException(GenesisFile.Describe(path, parsed.Problems));
        }

        return TrustedGenesis.From(parsed.Document!, rules);
    }

    public static ulong? Height(CommandInput input, string name)
    {
        var text = input.Option(name);
        if (text is null)
        {
            return null;
        }

        return ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var height) && height > 0
            ? height
            : throw new UsageException($"--{name} '{text}' must be a block height (a whole number from 1)");
    }

    /// <summary>Writes <paramref name="bytes"/> to <paramref name="path"/> through a temporary file, so a reader never sees half of it.</summary>
    public static void WriteFile(string path, ReadOnlySpan<byte> bytes)
    {
        var full = Path.GetFullPath(path);
        var temporary = full + ".tmp";
        File.WriteAllBytes(temporary, bytes.ToArray());
        File.Move(temporary, full, overwrite: true);
    }

    public static string Count(ulong value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
