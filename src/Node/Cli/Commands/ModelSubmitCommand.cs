using System.Text.Json.Nodes;
using DaiChain.Ledger.Primitives;
using DaiChain.ModelRegistry;
using DaiChain.ModelRegistry.Transactions;
using DaiChain.ModelRegistry.Validation;
using DaiChain.Node.RpcClient;

namespace DaiChain.Node.Cli.Commands;

/// <summary>
/// <c>daichain model submit --key FILE --model ID --semver V --artifact FILE [--parents IDS] [--datasets IDS]
/// [--contributions IDS] [--benchmarks NAMES] [--card FILE] [--hyperparameters FILE]</c>: uploads the ONNX artifact to
/// the node's artifact store (which checks its SHA-256) and registers the version in one step; prints the version id.
/// </summary>
internal sealed class ModelSubmitCommand : Command
{
    private static readonly OptionSpec ModelOption = new("model", "ID", "the model id (0x and 64 hex digits)", Required: true);
    private static readonly OptionSpec SemverOption = new("semver", "V", "the semantic version, for example 1.2.0", Required: true);
    private static readonly OptionSpec ArtifactOption = new("artifact", "FILE", "the ONNX model file", Required: true);
    private static readonly OptionSpec ParentsOption = new("parents", "IDS", "comma-separated version ids this version derives from");
    private static readonly OptionSpec DatasetsOption = new("datasets", "IDS", "comma-separated dataset hashes it was trained on");
    private static readonly OptionSpec ContributionsOption = new("contributions", "IDS", "comma-separated contribution ids it cites");
    private static readonly OptionSpec BenchmarksOption = new("benchmarks", "NAMES", "comma-separated benchmarks to evaluate it on");
    private static readonly OptionSpec CardOption = new("card", "FILE", "the model card (Markdown, at most 16 KiB)");
    private static readonly OptionSpec HyperparametersOption = new("hyperparameters", "FILE", "the hyperparameters file; its SHA-256 is recorded");
    private static readonly OptionSpec NoUploadOption = new("no-upload", null, "do not upload the artifact (the node already holds it)");

    public override string Name => "submit";

    public override string Summary => "upload a model artifact and register it as a new version";

    public override IReadOnlyList<OptionSpec> Options =>
        [ModelOption, SemverOption, ArtifactOption, ParentsOption, DatasetsOption, ContributionsOption, BenchmarksOption, CardOption, HyperparametersOption, NoUploadOption, .. RegistryCommandSupport.SubmitOptions];

    public override IReadOnlyList<string> NativeLibraries => [Ledger.Native.NativeLibraries.Secp256k1];

    public override int Execute(CommandInput input, CliConsole console)
    {
        var model = RegistryCommandSupport.ParseHash(ModelOption.Name, input.Option(ModelOption.Name));
        var semverText = input.Option(SemverOption.Name)!;
        if (!SemanticVersion.TryParse(semverText, out var semver, out var problem))
        {
            throw new UsageException($"--semver: {problem}");
        }

        var artifactPath = input.Option(ArtifactOption.Name)!;
        var (artifact, size) = RegistryCommandSupport.HashFile(ArtifactOption.Name, artifactPath);
        var card = input.Option(CardOption.Name) is { } cardPath ? RegistryCommandSupport.ReadText(CardOption.Name, cardPath) : string.Empty;
        var hyperparameters = input.Option(HyperparametersOption.Name) is { } hpPath ? RegistryCommandSupport.HashFile(HyperparametersOption.Name, hpPath).Hash : Hash256.Zero;
        var payload = new RegisterModelVersionPayload
        {
            ModelId = model,
            Semver = semverText,
            ArtifactHash = artifact,
            ArtifactSize = (ulong)size,
            Parents = RegistryCommandSupport.ParseHashes(input, ParentsOption.Name),
            Datasets = RegistryCommandSupport.ParseHashes(input, DatasetsOption.Name),
            Contributions = RegistryCommandSupport.ParseHashes(input, ContributionsOption.Name),
            Benchmarks = RegistryCommandSupport.Split(input.Option(BenchmarksOption.Name)),
            HyperparametersHash = hyperparameters,
            ModelCard = card,
        };

        using var key = RegistryCommandSupport.LoadKey(input, console);
        using var client = RegistryCommandSupport.Client(input);
        if (!input.Has(NoUploadOption.Name))
        {
            // What the chain would refuse anyway, checked before sending the artifact: the upload may be large.
            CheckRegistrable(client, model, semver.PrecedenceText, semverText);
            RegistryCommandSupport.Upload(input, artifactPath, artifact, console);
        }

        console.Out.WriteLine($"version:     {RegistryIds.Format(RegistryIds.Version(model, semver.PrecedenceText))} ({semverText})");
        console.Out.WriteLine($"artifact:    0x{artifact} ({size} bytes)");
        return RegistryCommandSupport.Submit(client, input, console, key, payload, out _);
    }

    /// <summary>The model must be registered and this semantic version new, else there is nothing to upload for.</summary>
    private static void CheckRegistrable(JsonRpcClient client, Hash256 model, string precedence, string semverText)
    {
        try
        {
            client.CallAsync("registry_getModel", new JsonObject { ["model"] = RegistryIds.Format(model) }).GetAwaiter().GetResult();
        }
        catch (JsonRpcCallException e) when (e.Reason == "not_found")
        {
            throw new CommandException($"no model {RegistryIds.Format(model)} is registered at the node; register it first (daichain model register); nothing was uploaded", e);
        }
        catch (Exception e) when (e is JsonRpcCallException or HttpRequestException)
        {
            throw new CommandException($"registry_getModel: {e.Message}", e);
        }

        var version = RegistryIds.Version(model, precedence);
        try
        {
            client.CallAsync("registry_getVersion", new JsonObject { ["version"] = RegistryIds.Format(version), ["includeCard"] = false }).GetAwaiter().GetResult();
        }
        catch (JsonRpcCallException e) when (e.Reason == "not_found")
        {
            return;
        }
        catch (Exception e) when (e is JsonRpcCallException or HttpRequestException)
        {
            throw new CommandException($"registry_getVersion: {e.Message}", e);
        }

        throw new CommandException($"version {semverText} of model {RegistryIds.Format(model)} is already registered ({RegistryIds.Format(version)}); a semantic version is registered once; nothing was uploaded");
    }
}
