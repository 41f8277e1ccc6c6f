using DaiChain.Ledger.Crypto;
using DaiChain.ModelRegistry.Inference;

namespace DaiChain.Node.Cli.Commands;

/// <summary>
/// <c>daichain receipts sign --key FILE --version ID --provider ADDR --request-hash H --response-hash H [--time-ms N]</c>:
/// the consumer signs a receipt for one inference (hashes only, never the data) and prints it as a JSON line for
/// the provider's receipts file. The chain id comes from the node.
/// </summary>
internal sealed class ReceiptsSignCommand(TimeProvider time) : Command
{
    private static readonly OptionSpec KeyOption = new("key", "FILE", "the consumer's key file", Required: true);
    private static readonly OptionSpec VersionOption = new("version", "ID", "the model version that served the inference", Required: true);
    private static readonly OptionSpec ProviderOption = new("provider", "ADDR", "the provider's address", Required: true);
    private static readonly OptionSpec RequestOption = new("request-hash", "H", "SHA-256 of the request", Required: true);
    private static readonly OptionSpec ResponseOption = new("response-hash", "H", "SHA-256 of the response", Required: true);
    private static readonly OptionSpec TimeOption = new("time-ms", "N", "when the response arrived, Unix ms (default: now)");

    public override string Name => "sign";

    public override string Summary => "sign an inference receipt as its consumer";

    public override IReadOnlyList<OptionSpec> Options => [KeyOption, VersionOption, ProviderOption, RequestOption, ResponseOption, TimeOption, PasswordInput.EnvironmentOption, RegistryCommandSupport.RpcOption];

    public override IReadOnlyList<string> NativeLibraries => [Ledger.Native.NativeLibraries.Secp256k1];

    public override int Execute(CommandInput input, CliConsole console)
    {
        var version = RegistryCommandSupport.ParseHash(VersionOption.Name, input.Option(VersionOption.Name));
        var provider = RegistryCommandSupport.ParseAddress(ProviderOption.Name, input.Option(ProviderOption.Name));
        var request = RegistryCommandSupport.ParseHash(RequestOption.Name, input.Option(RequestOption.Name));
        var response = RegistryCommandSupport.ParseHash(ResponseOption.Name, input.Option(ResponseOption.Name));
        var timeMs = RegistryCommandSupport.ParseUInt64(input, TimeOption.Name, (ulong)time.GetUtcNow().ToUnixTimeMilliseconds());
        using var key = RegistryCommandSupport.Load(input, console, KeyOption);
        using var client = RegistryCommandSupport.Client(input);
        var receipt = InferenceReceipt.Sign(new InMemorySigner(key), RegistryCommandSupport.ChainId(client), version, provider, request, response, timeMs);
        console.Out.WriteLine(ReceiptLines.Format(receipt));
        return ExitCodes.Success;
    }
}
