using System.Globalization;
using DaiChain.Ledger.Accounts;
using DaiChain.Ledger.Audit.Bundles;
using DaiChain.Ledger.Execution;
using DaiChain.Ledger.Primitives;
using DaiChain.Node.Audit;

namespace DaiChain.Node.Cli.Commands;

/// <summary>
/// <c>daichain audit prove</c>: writes a proof bundle (docs/spec/proof-bundle.md) of a model version's provenance
/// (<c>--version</c>) or of other state facts at a committed height,
/// from a node's data folder opened read-only: the facts with their proofs, the header and certificate committing
/// them, and the validator-set changes from genesis (or <c>--checkpoint</c>). <c>audit check-bundle</c> checks it
/// with genesis.json alone.
/// </summary>
internal sealed class AuditProveCommand(ChainRules rules) : Command
{
    private static readonly OptionSpec Version = new("version", "ID", "prove a model version's provenance (version, model, card, parents and ancestors, datasets, contributions, benchmarks, stage history)");
    private static readonly OptionSpec Account = new("account", "ADDRESS", "prove an account (its nonce, balance and roles, or its absence)");
    private static readonly OptionSpec Key = new("key", "SPACE:HEXID[,...]", "prove raw state keys SHA-256(space/id), id in hex");
    private static readonly OptionSpec Height = new("height", "HEIGHT", "the height to prove at (default: the newest committed one)");
    private static readonly OptionSpec Checkpoint = new("checkpoint", "HEIGHT", "start trust at this block instead of genesis (check-bundle then needs its hash)");
    private static readonly OptionSpec Out = new("out", "FILE", "where to write the bundle", Required: true);

    public override string Name => "prove";

    public override string Summary => "write an offline-checkable proof bundle of state facts";

    public override IReadOnlyList<OptionSpec> Options =>
        [Version, AuditCommandInput.Home, AuditCommandInput.Data, AuditCommandInput.Genesis, Account, Key, Height, Checkpoint, Out];

    public override IReadOnlyList<string> NativeLibraries => [Ledger.Native.NativeLibraries.Secp256k1, Ledger.Native.NativeLibraries.RocksDb];

    public override int Execute(CommandInput input, CliConsole console)
    {
        var versionId = VersionId(input);
        var facts = versionId is null ? Facts(input) : [];
        var (location, genesisPath) = AuditCommandInput.Locate(input);
        var genesis = AuditCommandInput.LoadGenesis(genesisPath, rules);
        using var data = LocalChainData.Open(location.DatabasePath);
        var meta = data.Source.Meta!;
        if (meta.GenesisHash != genesis.GenesisHash)
        {
            throw new CommandException($"{data.Path} holds chain '{meta.ChainId}' of genesis {meta.GenesisHash}, not the genesis in {genesisPath}");
        }

        var chain = data.Chain(rules);
        var builder = new ProofBundleBuilder(data.Source, chain.GetWithProof);
        var newest = builder.NewestProvableHeight();
        var height = AuditCommandInput.Height(input, Height.Name) ?? newest;
        if (height == 0 || height > newest)
        {
            throw new CommandException(newest == 0
                ? "the chain has no committed block with a certificate yet"
                : string.Create(CultureInfo.InvariantCulture, $"height {height} cannot be proven: the newest height with a commit certificate is {newest}"));
        }

        ProofBundle bundle;
        try
        {
            if (versionId is { } id)
            {
                facts = [.. (ModelVersionFacts.At(chain, height, id) ?? throw new CommandException(string.Create(CultureInfo.InvariantCulture, $"no model version {id} is registered at height {height}"))).Facts];
            }

            bundle = builder.Build(genesis, height, facts, AuditCommandInput.Height(input, Checkpoint.Name));
        }
        catch (InvalidOperationException e)
        {
            throw new CommandException($"cannot build the bundle: {e.Message}", e);
        }

        var bytes = bundle.Encode();
        var check = ProofBundleVerifier.Verify(bytes, genesis, bundle.Checkpoint?.Header.Hash());
        if (!check.IsValid)
        {
            throw new CommandException($"the bundle built from {data.Path} does not verify ({check.Field}: {check.Problem}); the data folder may be damaged, run 'daichain audit verify'");
        }

        var path = input.Option(Out.Name)!;
        AuditCommandInput.WriteFile(path, bytes);
        console.Out.WriteLine($"bundle:       {Path.GetFullPath(path)} ({AuditCommandInput.Count((ulong)bytes.Length)} bytes, sha256 {check.BundleHash})");
        console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"block:        {bundle.Header.Height} {bundle.Header.Hash()}, state root {bundle.Header.StateRoot}"));
        console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"anchor:       {(bundle.Checkpoint is { } c ? $"checkpoint block {c.Header.Height} {c.Header.Hash()}" : "genesis")}, {bundle.Steps.Count} validator-set changes"));
        foreach (var (fact, key) in bundle.Facts.Zip(facts))
        {
            console.Out.WriteLine($"fact:         {key.Label}: {(fact.IsPresent ? $"{fact.Value!.Length} bytes" : "absent")}");
        }

        return ExitCodes.Success;
    }

    private static Hash256? VersionId(CommandInput input)
    {
        if (input.Option(Version.Name) is not { } text)
        {
            return null;
        }

        if (input.Has(Account.Name) || input.Has(Key.Name))
        {
            throw new UsageException("--version proves a model version's provenance on its own; leave out --account and --key");
        }

        return Hash256.TryParse(text, out var id) ? id : throw new UsageException($"--version '{text}' is not a version id (0x and 64 hex digits)");
    }

    private static List<FactKey> Facts(CommandInput input)
    {
        var facts = new List<FactKey>();
        if (input.Option(Account.Name) is { } text)
        {
            if (!Address.TryParse(text, out var address))
            {
                throw new UsageException($"--account '{text}' is not an address (0x and 40 hex digits)");
            }

            facts.Add(new FactKey($"account {address}", AccountState.Space, address.ToArray()));
        }

        if (input.Option(Key.Name) is { } keys)
        {
            foreach (var item in keys.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var colon = item.IndexOf(':', StringComparison.Ordinal);
                if (colon <= 0 || !BundleFact.IsValidSpace(item[..colon]) || !Hex.TryDecode(item[(colon + 1)..], out var id))
                {
                    throw new UsageException($"--key '{item}' must read SPACE:HEXID (acct:0x0123...)");
                }

                facts.Add(new FactKey($"{item[..colon]}/0x{Hex.Encode(id)}", item[..colon], id));
            }
        }

        return facts.Count > 0 ? facts : throw new UsageException("'daichain audit prove' needs something to prove: --version ID, --account ADDRESS or --key SPACE:HEXID");
    }
}
