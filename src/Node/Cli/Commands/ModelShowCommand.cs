using System.Text.Json.Nodes;

namespace DaiChain.Node.Cli.Commands;

/// <summary>
/// <c>daichain model show (--model ID [--semver V | --alias NAME] | --version ID) [--json]</c>: prints a model with its
/// versions, or one version with its lineage status, stage, evaluation and inference volume.
/// </summary>
internal sealed class ModelShowCommand : Command
{
    private static readonly OptionSpec ModelOption = new("model", "ID", "the model id");
    private static readonly OptionSpec VersionOption = new("version", "ID", "a version id");
    private static readonly OptionSpec SemverOption = new("semver", "V", "with --model: show this version");
    private static readonly OptionSpec AliasOption = new("alias", "NAME", "with --model: show the version this alias points at");

    public override string Name => "show";

    public override string Summary => "show a model and its versions, or one version";

    public override IReadOnlyList<OptionSpec> Options => [ModelOption, VersionOption, SemverOption, AliasOption, RegistryCommandSupport.JsonOption, RegistryCommandSupport.RpcOption];

    public override int Execute(CommandInput input, CliConsole console)
    {
        using var client = RegistryCommandSupport.Client(input);
        var model = input.Option(ModelOption.Name);
        var version = input.Option(VersionOption.Name);
        if ((model is null) == (version is null))
        {
            throw new UsageException("give --model ID (optionally with --semver or --alias) or --version ID");
        }

        if (version is not null || input.Has(SemverOption.Name) || input.Has(AliasOption.Name))
        {
            var parameters = version is not null
                ? new JsonObject { ["version"] = version }
                : new JsonObject { ["model"] = model, ["semver"] = input.Option(SemverOption.Name), ["alias"] = input.Option(AliasOption.Name) };
            var view = RegistryCommandSupport.Call(client, "registry_getVersion", parameters)!;
            if (input.Has(RegistryCommandSupport.JsonOption.Name))
            {
                RegistryCommandSupport.PrintJson(console, view);
            }
            else
            {
                PrintVersion(console, view);
            }

            return ExitCodes.Success;
        }

        var modelView = RegistryCommandSupport.Call(client, "registry_getModel", new JsonObject { ["model"] = model })!;
        var versions = RegistryCommandSupport.Call(client, "registry_listVersions", new JsonObject { ["model"] = model, ["limit"] = 200 })!;
        if (input.Has(RegistryCommandSupport.JsonOption.Name))
        {
            RegistryCommandSupport.PrintJson(console, new JsonObject { ["model"] = modelView.DeepClone(), ["versions"] = versions.DeepClone() });
            return ExitCodes.Success;
        }

        console.Out.WriteLine($"model:       {modelView["id"]}  {modelView["name"]}");
        console.Out.WriteLine($"task:        {modelView["taskType"]}   licence: {modelView["licence"]}");
        console.Out.WriteLine($"owners:      {string.Join(", ", modelView["owners"]!.AsArray().Select(o => o!.GetValue<string>()))}");
        console.Out.WriteLine($"versions:    {modelView["versionCount"]} (latest {modelView["latestSemver"] ?? "none"})");
        foreach (var alias in modelView["aliases"]!.AsArray())
        {
            console.Out.WriteLine($"alias:       {alias!["alias"]} -> {alias["version"] ?? "(cleared)"}");
        }

        foreach (var item in versions["items"]!.AsArray())
        {
            var revoked = item!["revoked"]!.GetValue<bool>() ? "  REVOKED" : string.Empty;
            console.Out.WriteLine($"  {item["semver"],-16} {item["id"]}  {item["stage"]}{revoked}");
        }

        return ExitCodes.Success;
    }

    private static void PrintVersion(CliConsole console, JsonNode view)
    {
        console.Out.WriteLine($"version:     {view["id"]}  {view["modelName"]} {view["semver"]}");
        console.Out.WriteLine($"artifact:    {view["artifact"]!["hash"]} ({view["artifact"]!["sizeBytes"]} bytes)");
        console.Out.WriteLine($"parents:     {Join(view["parents"])}");
        console.Out.WriteLine($"datasets:    {Join(view["datasets"])}");
        console.Out.WriteLine($"contributed: {Join(view["contributions"])}");
        console.Out.WriteLine($"registered:  height {view["registeredHeight"]} by {view["registeredBy"]}");
        console.Out.WriteLine(view["stage"]?.GetValue<string>() == "none" ? "stage:       none" : $"stage:       {view["stage"]} since height {view["stageHeight"]}");
        if (view["revocation"] is JsonObject revocation)
        {
            console.Out.WriteLine($"REVOKED:     at height {revocation["height"]} by {revocation["by"]}: {revocation["reason"]}");
        }

        var upstream = view["upstream"]!;
        if (upstream["revokedUpstream"]!.GetValue<bool>())
        {
            console.Out.WriteLine($"REVOKED UPSTREAM: {Join(upstream["revokedAncestors"])}");
        }

        console.Out.WriteLine($"evaluation:  {view["evaluation"]!["status"]} (benchmarks: {Join(view["evaluation"]!["benchmarks"])})");
        console.Out.WriteLine($"inference:   {view["usage"]!["receipts"]} receipts in {view["usage"]!["batches"]} batches");
    }

    private static string Join(JsonNode? array) =>
        array is JsonArray { Count: > 0 } items ? string.Join(", ", items.Select(i => i!.GetValue<string>())) : "none";
}
