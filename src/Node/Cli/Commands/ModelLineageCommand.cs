using System.Text.Json.Nodes;

namespace DaiChain.Node.Cli.Commands;

/// <summary><c>daichain model lineage --version ID [--direction ancestors|descendants|both] [--depth N] [--limit N] [--json]</c>.</summary>
internal sealed class ModelLineageCommand : Command
{
    private static readonly OptionSpec VersionOption = new("version", "ID", "the version id", Required: true);
    private static readonly OptionSpec DirectionOption = new("direction", "WAY", "ancestors, descendants or both (default both)");
    private static readonly OptionSpec DepthOption = new("depth", "N", "generations to walk (default 8, at most 64)");
    private static readonly OptionSpec LimitOption = new("limit", "N", "most versions to list (default 500, at most 2,000)");

    public override string Name => "lineage";

    public override string Summary => "show a version's ancestors and descendants";

    public override IReadOnlyList<OptionSpec> Options => [VersionOption, DirectionOption, DepthOption, LimitOption, RegistryCommandSupport.JsonOption, RegistryCommandSupport.RpcOption];

    public override int Execute(CommandInput input, CliConsole console)
    {
        var parameters = new JsonObject
        {
            ["version"] = input.Option(VersionOption.Name),
            ["direction"] = input.Option(DirectionOption.Name) ?? "both",
            ["depth"] = (long)RegistryCommandSupport.ParseUInt64(input, DepthOption.Name, 8),
            ["limit"] = (long)RegistryCommandSupport.ParseUInt64(input, LimitOption.Name, 500),
        };
        using var client = RegistryCommandSupport.Client(input);
        var lineage = RegistryCommandSupport.Call(client, "registry_lineage", parameters)!;
        if (input.Has(RegistryCommandSupport.JsonOption.Name))
        {
            RegistryCommandSupport.PrintJson(console, lineage);
            return ExitCodes.Success;
        }

        foreach (var node in lineage["nodes"]!.AsArray())
        {
            var relation = node!["relation"]!.GetValue<string>();
            var distance = node["distance"]!.GetValue<int>();
            var marker = relation switch
            {
                "ancestor" => new string('^', distance),
                "descendant" => new string('v', distance),
                _ => "*",
            };
            var flags = (node["revoked"]!.GetValue<bool>() ? " REVOKED" : string.Empty) + (node["revokedUpstream"]!.GetValue<bool>() ? " revoked-upstream" : string.Empty);
            console.Out.WriteLine($"{marker,-8} {node["semver"],-16} {node["id"]}{flags}");
        }

        console.Out.WriteLine($"{lineage["nodes"]!.AsArray().Count} versions, {lineage["edges"]!.AsArray().Count} edges{(lineage["truncated"]!.GetValue<bool>() ? "; truncated: raise --depth or --limit" : string.Empty)}");
        return ExitCodes.Success;
    }
}
