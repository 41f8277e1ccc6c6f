using System.Globalization;
using DaiChain.Ledger.Audit.Bundles;
using DaiChain.Ledger.Execution;
using DaiChain.Ledger.Genesis;
using DaiChain.Ledger.Primitives;
using DaiChain.ModelRegistry.Queries;
using DaiChain.Node.Audit;

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
    private static readonly OptionSpec Artifact = new("artifact", "FILE", "a model file to compare with the proven version's artifact (SHA-256 and size)");

    public override string Name => "check-bundle";

    public override string Summary => "verify a proof bundle offline with genesis.json alone";

    public override IReadOnlyList<ArgumentSpec> Arguments => [FileArgument];

    public override IReadOnlyList<OptionSpec> Options => [GenesisOption, TrustedBlock, Artifact];

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

        if (ModelVersionProvenance.IsModelVersionBundle(bundle))
        {
            var provenance = ModelVersionProvenance.Read(bundle);
            PrintProvenance(console.Out, provenance);
            if (!provenance.IsComplete)
            {
                throw new CommandException($"the bundle's facts are true but it is not a complete provenance: {string.Join("; ", provenance.Problems)}");
            }

            if (input.Option(Artifact.Name) is { } artifact)
            {
                CheckArtifact(console.Out, artifact, provenance);
            }
        }
        else if (input.Has(Artifact.Name))
        {
            throw new CommandException("--artifact needs a model-version bundle ('daichain audit prove --version ID')");
        }

        console.Out.WriteLine("result:       valid");
        return ExitCodes.Success;
    }

    private static void PrintProvenance(TextWriter output, ModelVersionProvenance provenance)
    {
        var version = provenance.Version;
        static string Id(Hash256 id) => "0x" + id;
        output.WriteLine($"version:      {provenance.Model?.Name ?? "(model not proven)"} {version.Semver} ({Id(version.Id)})");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"artifact:     sha256 {version.ArtifactHash}, {version.ArtifactSize} bytes"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"registered:   height {version.RegisteredHeight} by {version.RegisteredBy}; stage {RegistryViews.Word(version.Stage)}{(version.Revocation is { } r ? $"; REVOKED at {r.Height}: {r.Reason}" : string.Empty)}"));
        if (provenance.Model is { } model)
        {
            output.WriteLine($"model:        {model.Name} ({model.TaskType}, licence {model.Licence}) {Id(model.Id)}");
        }

        foreach (var parent in provenance.Parents)
        {
            output.WriteLine($"parent:       {parent.Semver} {Id(parent.Id)}{(parent.IsRevoked ? " (revoked)" : string.Empty)}");
        }

        var others = provenance.Ancestors.Count - provenance.Parents.Count;
        if (others > 0)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ancestors:    {others} more proven{(provenance.Ancestors.Any(a => a.IsRevoked) ? ", some revoked" : string.Empty)}"));
        }

        foreach (var dataset in provenance.Datasets)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"dataset:      {dataset.Name} {Id(dataset.Hash)} ({dataset.SizeBytes} bytes, licence {dataset.Licence}, {RegistryViews.Word(dataset.Visibility)})"));
        }

        foreach (var c in provenance.Contributions)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"contribution: {c.Contributor}: {c.SampleCount} samples, {c.ComputeUnits} compute units ({Id(c.Id)})"));
        }

        foreach (var b in provenance.Benchmarks)
        {
            output.WriteLine($"benchmark:    {b.Name}: {b.Description}");
        }

        foreach (var e in version.Evaluations)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"evaluation:   {e.Benchmark}: {RegistryViews.Word(e.Verdict)} (metric {e.MetricValue}, threshold {e.Threshold}, height {e.Height})"));
        }

        foreach (var s in provenance.StageHistory)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"stage:        {RegistryViews.Word(s.Stage)} at height {s.Height} by {s.By}{(s.Note.Length > 0 ? $": {s.Note}" : string.Empty)}"));
        }
    }

    private static void CheckArtifact(TextWriter output, string path, ModelVersionProvenance provenance)
    {
        if (!File.Exists(path))
        {
            throw new CommandException($"{path} does not exist");
        }

        using var stream = File.OpenRead(path);
        var hash = new Hash256(System.Security.Cryptography.SHA256.HashData(stream));
        var version = provenance.Version;
        if (hash != version.ArtifactHash || (ulong)stream.Length != version.ArtifactSize)
        {
            throw new CommandException(string.Create(CultureInfo.InvariantCulture, $"{path} is not the proven artifact: it has sha256 {hash} and {stream.Length} bytes, the chain recorded sha256 {version.ArtifactHash} and {version.ArtifactSize} bytes"));
        }

        output.WriteLine($"artifact:     {path} matches the proven artifact");
    }
}
