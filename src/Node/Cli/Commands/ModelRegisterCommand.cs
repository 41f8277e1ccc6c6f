using DaiChain.ModelRegistry;
using DaiChain.ModelRegistry.Transactions;

namespace DaiChain.Node.Cli.Commands;

/// <summary>
/// <c>daichain model register --key FILE --name NAME --task TYPE --licence SPDX [--description TEXT] [--co-owners A,B]</c>:
/// registers a model (the key's account needs <c>model_publisher</c>) and prints its id.
/// </summary>
internal sealed class ModelRegisterCommand : Command
{
    private static readonly OptionSpec NameOption = new("name", "NAME", "the model's name, unique among your models ([A-Za-z0-9._-])", Required: true);
    private static readonly OptionSpec TaskOption = new("task", "TYPE", "the task type, for example image-classification", Required: true);
    private static readonly OptionSpec LicenceOption = new("licence", "SPDX", "an SPDX license expression, for example Apache-2.0", Required: true);
    private static readonly OptionSpec DescriptionOption = new("description", "TEXT", "what the model is for (at most 1,024 bytes)");
    private static readonly OptionSpec CoOwnersOption = new("co-owners", "ADDRS", "comma-separated addresses that co-own the model (at most 7)");

    public override string Name => "register";

    public override string Summary => "register a model and print its id";

    public override IReadOnlyList<OptionSpec> Options => [NameOption, TaskOption, LicenceOption, DescriptionOption, CoOwnersOption, .. RegistryCommandSupport.SubmitOptions];

    public override IReadOnlyList<string> NativeLibraries => [Ledger.Native.NativeLibraries.Secp256k1];

    public override int Execute(CommandInput input, CliConsole console)
    {
        var coOwners = RegistryCommandSupport.ParseAddresses(input, CoOwnersOption.Name).Distinct().Order().ToArray();
        var payload = new RegisterModelPayload(input.Option(NameOption.Name)!, input.Option(DescriptionOption.Name) ?? string.Empty, input.Option(TaskOption.Name)!, input.Option(LicenceOption.Name)!, coOwners);
        using var key = RegistryCommandSupport.LoadKey(input, console);
        using var client = RegistryCommandSupport.Client(input);
        var id = RegistryIds.Model(key.Address, payload.Name);
        console.Out.WriteLine($"model:       {RegistryIds.Format(id)}");
        return RegistryCommandSupport.Submit(client, input, console, key, payload, out _);
    }
}
