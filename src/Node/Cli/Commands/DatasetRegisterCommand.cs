using DaiChain.ModelRegistry;
using DaiChain.ModelRegistry.Records;
using DaiChain.ModelRegistry.Transactions;

namespace DaiChain.Node.Cli.Commands;

/// <summary>
/// <c>daichain dataset register --key FILE --file DATA --name NAME --licence SPDX [--schema-file FILE] [--private] [--upload]</c>:
/// registers a dataset by the SHA-256 and size of its file (the key's account needs <c>data_provider</c>); the bytes stay
/// local unless <c>--upload</c> puts them in the node's artifact store.
/// </summary>
internal sealed class DatasetRegisterCommand : Command
{
    private static readonly OptionSpec FileOption = new("file", "DATA", "the dataset file (hashed here)", Required: true);
    private static readonly OptionSpec NameOption = new("name", "NAME", "the dataset's name", Required: true);
    private static readonly OptionSpec LicenceOption = new("licence", "SPDX", "an SPDX license expression, for example CC-BY-4.0", Required: true);
    private static readonly OptionSpec SchemaOption = new("schema-file", "FILE", "a description of its columns (at most 4,096 bytes)");
    private static readonly OptionSpec PrivateOption = new("private", null, "mark the data private: it never leaves its holders");
    private static readonly OptionSpec UploadOption = new("upload", null, "also upload the file to the node's artifact store (public data only)");

    public override string Name => "register";

    public override string Summary => "register a dataset by its hash";

    public override IReadOnlyList<OptionSpec> Options => [FileOption, NameOption, LicenceOption, SchemaOption, PrivateOption, UploadOption, .. RegistryCommandSupport.SubmitOptions];

    public override IReadOnlyList<string> NativeLibraries => [Ledger.Native.NativeLibraries.Secp256k1];

    public override int Execute(CommandInput input, CliConsole console)
    {
        var isPrivate = input.Has(PrivateOption.Name);
        if (isPrivate && input.Has(UploadOption.Name))
        {
            throw new UsageException("--upload shares the bytes; a --private dataset stays with its holders");
        }

        var path = input.Option(FileOption.Name)!;
        var (hash, size) = RegistryCommandSupport.HashFile(FileOption.Name, path);
        var schema = input.Option(SchemaOption.Name) is { } schemaPath ? RegistryCommandSupport.ReadText(SchemaOption.Name, schemaPath) : string.Empty;
        var payload = new RegisterDatasetPayload(hash, input.Option(NameOption.Name)!, (ulong)size, schema, input.Option(LicenceOption.Name)!, isPrivate ? DatasetVisibility.Private : DatasetVisibility.Public);
        using var key = RegistryCommandSupport.LoadKey(input, console);
        using var client = RegistryCommandSupport.Client(input);
        if (input.Has(UploadOption.Name))
        {
            RegistryCommandSupport.Upload(input, path, hash, console);
        }

        console.Out.WriteLine($"dataset:     {RegistryIds.Format(hash)} ({size} bytes, {(isPrivate ? "private" : "public")})");
        return RegistryCommandSupport.Submit(client, input, console, key, payload, out _);
    }
}
