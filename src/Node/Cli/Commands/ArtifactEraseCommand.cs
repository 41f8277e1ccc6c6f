using DaiChain.ModelRegistry.Artifacts;
using DaiChain.Node.Configuration;

namespace DaiChain.Node.Cli.Commands;

/// <summary>
/// <c>daichain artifact erase --home DIR --hash H --reason TEXT</c>: the operator deletes an artifact's bytes from a
/// node's store (a data-protection request) and records when and why; the chain keeps naming it, and the node's
/// queries (<c>artifact_info</c>, <c>GET /artifacts/</c>, provenance reports) then say it is erased, not held. The node
/// neither accepts an upload of it nor fetches it from peers again until <c>--undo</c> lifts the erasure.
/// </summary>
/// <remarks>Works on the home's files directly, so it needs the operator's access to the node's disk, and is safe
/// while the node runs: the node reads the store's files on every request.</remarks>
internal sealed class ArtifactEraseCommand(TimeProvider time) : Command
{
    private static readonly OptionSpec HomeOption = new("home", "DIR", "the node's home directory (config.json names its artifact store)", Required: true);
    private static readonly OptionSpec HashOption = new("hash", "H", "the artifact's SHA-256 (0x and 64 hex digits)", Required: true);
    private static readonly OptionSpec ReasonOption = new("reason", "TEXT", "why it is erased (kept with the erasure, at most 1,000 characters)");
    private static readonly OptionSpec UndoOption = new("undo", null, "lift an earlier erasure: the node may store and fetch the artifact again");

    public override string Name => "erase";

    public override string Summary => "erase an artifact's bytes from a node's store (data-protection requests)";

    public override IReadOnlyList<OptionSpec> Options => [HomeOption, HashOption, ReasonOption, UndoOption];

    public override int Execute(CommandInput input, CliConsole console)
    {
        var home = new NodeHome(input.Option(HomeOption.Name)!);
        var hash = RegistryCommandSupport.ParseHash(HashOption.Name, input.Option(HashOption.Name));
        NodeConfig config;
        try
        {
            config = NodeConfigFile.Load(home.ConfigFile);
        }
        catch (NodeConfigException e)
        {
            throw new CommandException(e.Message, e);
        }

        var store = ArtifactStore.OpenBesideOwner(home.Artifacts(config), time);
        if (input.Has(UndoOption.Name))
        {
            console.Out.WriteLine(store.LiftErasure(hash)
                ? $"lifted:      the erasure of 0x{hash}; the node may store it again (upload it, or it is fetched when a new version names it)"
                : $"unchanged:   0x{hash} was not erased in {store.Root}");
            return ExitCodes.Success;
        }

        var reason = input.Option(ReasonOption.Name) ?? throw new UsageException($"'{input.CommandPath}' needs --reason TEXT (kept with the erasure and shown by the node's queries)");
        var before = store.GetInfo(hash);
        try
        {
            store.Erase(hash, reason);
        }
        catch (ArtifactStoreException e)
        {
            throw new CommandException(e.Message, e);
        }

        console.Out.WriteLine(before.State == ArtifactState.Held
            ? $"erased:      0x{hash} ({before.SizeBytes} bytes) from {store.Root}"
            : $"erased:      0x{hash} (not held here; recorded so the node never stores or fetches it)");
        console.Out.WriteLine($"reason:      {reason.ReplaceLineEndings(" ")}");
        return ExitCodes.Success;
    }
}
