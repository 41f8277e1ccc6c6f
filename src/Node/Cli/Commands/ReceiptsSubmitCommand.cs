using DaiChain.Ledger.Primitives;
using DaiChain.ModelRegistry;
using DaiChain.ModelRegistry.Inference;
using DaiChain.ModelRegistry.Transactions;

namespace DaiChain.Node.Cli.Commands;

/// <summary>
/// <c>daichain receipts submit --key FILE --version ID --receipts FILE [--out FILE] [--no-deposit]</c>: the provider checks
/// every consumer-signed receipt (JSON lines from <c>receipts sign</c>), builds the batch and its Merkle root, deposits the
/// receipts file in the node's artifact store (so anyone can get a receipt's proof) and records the batch on chain.
/// </summary>
internal sealed class ReceiptsSubmitCommand : Command
{
    private static readonly OptionSpec VersionOption = new("version", "ID", "the model version that served them", Required: true);
    private static readonly OptionSpec ReceiptsOption = new("receipts", "FILE", "JSON lines of consumer-signed receipts (batches of about 1,000 are cheapest)", Required: true);
    private static readonly OptionSpec OutOption = new("out", "FILE", "where to keep the receipts file (default: next to --receipts, with .batch)");
    private static readonly OptionSpec NoDepositOption = new("no-deposit", null, "keep the receipts file private; only the count and root go on chain");

    public override string Name => "submit";

    public override string Summary => "check, batch and record inference receipts";

    public override IReadOnlyList<OptionSpec> Options => [VersionOption, ReceiptsOption, OutOption, NoDepositOption, .. RegistryCommandSupport.SubmitOptions];

    public override IReadOnlyList<string> NativeLibraries => [Ledger.Native.NativeLibraries.Secp256k1];

    public override int Execute(CommandInput input, CliConsole console)
    {
        var version = RegistryCommandSupport.ParseHash(VersionOption.Name, input.Option(VersionOption.Name));
        var path = input.Option(ReceiptsOption.Name)!;
        var receipts = ReceiptLines.Read(path);
        if (receipts.Count == 0 || (uint)receipts.Count > RegistryLimits.MaxReceiptsPerBatch)
        {
            throw new CommandException($"{path} holds {receipts.Count} receipts; a batch holds 1..{RegistryLimits.MaxReceiptsPerBatch}");
        }

        using var key = RegistryCommandSupport.LoadKey(input, console);
        using var client = RegistryCommandSupport.Client(input);
        var chainId = RegistryCommandSupport.ChainId(client);
        for (var i = 0; i < receipts.Count; i++)
        {
            var receipt = receipts[i];
            if (receipt.VersionId != version || receipt.Provider != key.Address)
            {
                throw new CommandException($"{path} receipt {i + 1} is for version {RegistryIds.Format(receipt.VersionId)} and provider {receipt.Provider}, not {RegistryIds.Format(version)} and {key.Address}");
            }

            if (!receipt.VerifyConsumer(chainId))
            {
                throw new CommandException($"{path} receipt {i + 1}: the signature does not recover consumer {receipt.Consumer} on chain '{chainId}'");
            }
        }

        var batch = new ReceiptBatch(version, key.Address, receipts);
        var file = input.Option(OutOption.Name) ?? path + ".batch";
        var bytes = batch.Encode();
        File.WriteAllBytes(file, bytes);
        var artifact = Hash256.Compute(bytes);
        var root = batch.Root();
        console.Out.WriteLine($"receipts:    {batch.Count} checked, Merkle root {RegistryIds.Format(root)}");
        console.Out.WriteLine($"batch file:  {file} (0x{artifact})");
        var deposit = !input.Has(NoDepositOption.Name);
        if (deposit)
        {
            RegistryCommandSupport.Upload(input, file, artifact, console);
        }

        var payload = new RecordInferenceBatchPayload(version, (ulong)batch.Count, root, deposit ? artifact : Hash256.Zero);
        var code = RegistryCommandSupport.Submit(client, input, console, key, payload, out var hash);
        console.Out.WriteLine($"batch:       {RegistryIds.Format(hash)}");
        return code;
    }
}
