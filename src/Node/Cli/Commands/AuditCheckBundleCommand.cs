using System.Globalization;
using DaiChain.Ledger.Audit.Bundles;
using DaiChain.Ledger.Execution;
using DaiChain.Ledger.Genesis;
using DaiChain.Ledger.Primitives;

namespace DaiChain.Node.Cli.Commands;

/// <summary>
/// <c>daichain audit check-bundle FILE --genesis genesis.json</c>: verifies a proof bundle with nothing but the genesis
/// file (and, for a bundle that starts at a checkpoint, that block's hash): no node, no network. Exit 0 and the proven
/// facts when it is valid; exit 1 naming the field that fails otherwise.
/// </summary>
internal sealed class AuditCheckBundleCommand(ChainRules rules) : Command
{
    private static readonly ArgumentSpec FileArgument = new("FILE", "the bundle");
    private static readonly OptionSpec GenesisOption = new("genesis", "FILE", "the genesis.json you trust", Required: true);
    private static readonly OptionSpec TrustedBlock = new("trusted-block", "HASH", "the block hash of the bundle's checkpoint, from a source you trust");

    public override string Name => "check-bundle";

    public override string Summary => "verify a proof bundle offline with genesis.json alone";

    public override IReadOnlyList<ArgumentSpec> Arguments => [FileArgument];

    public override IReadOnlyList<OptionSpec> Options => [GenesisOption, TrustedBlock];

    public override IReadOnlyList<string> NativeLibraries => [Ledger.Native.NativeLibraries.Secp256k1];

    public override int Execute(CommandInput input, CliConsole console)
    {
        Hash256? trusted = null;
        if (input.Option(TrustedBlock.Name) is { } text)
        {
            trusted = Hash256.TryParse(text, out var hash) ? hash : throw new UsageException($"--trusted-block '{text}' is not a block hash (64 hex digits)");
        }

        var path = input.Argument(FileArgument.Name);
        if (!File.Exists(path))
        {
            throw new CommandException($"{path} does not exist");
        }

        if (new FileInfo(path).Length > BundleLimits.MaxBundleBytes)
        {
            throw new CommandException($"{path} is larger than a bundle can be ({BundleLimits.MaxBundleBytes} bytes)");
        }

        var genesis = AuditCommandInput.LoadGenesis(input.Option(GenesisOption.Name)!, rules);
        var verification = ProofBundleVerifier.Verify(File.ReadAllBytes(path), genesis, trusted);
        console.Out.WriteLine($"bundle:       {path} (sha256 {verification.BundleHash})");
        if (!verification.IsValid)
        {
            throw new CommandException($"the bundle is invalid: {verification.Field}: {verification.Problem}");
        }

        var bundle = verification.Bundle!;
        var header = bundle.Header;
        console.Out.WriteLine($"chain:        {bundle.ChainId} (genesis {bundle.GenesisHash})");
        console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"trust:        {(bundle.Checkpoint is { } c ? $"checkpoint block {c.Header.Height} {c.Header.Hash()}" : "genesis")}; validator sets from heights {string.Join(", ", verification.Sets.Select(s => s.Height))}"));
        console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"block:        {header.Height} {header.Hash()} at {GenesisJson.FormatTime(header.TimeMs)}, committed by {bundle.Certificate.Signatures.Count} signatures"));
        console.Out.WriteLine($"state root:   {header.StateRoot}");
        foreach (var fact in bundle.Facts)
        {
            console.Out.WriteLine(fact.Value is { } value
                ? $"fact:         {fact} = {(value.Length <= 64 ? "0x" + Hex.Encode(value) : $"{value.Length} bytes, sha256 {Hash256.Compute(value)}")}"
                : $"fact:         {fact} is absent");
        }

        console.Out.WriteLine("result:       valid");
        return ExitCodes.Success;
    }
}
