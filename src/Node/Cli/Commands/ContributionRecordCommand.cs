using DaiChain.Ledger.Primitives;
using DaiChain.ModelRegistry;
using DaiChain.ModelRegistry.Records;
using DaiChain.ModelRegistry.Transactions;

namespace DaiChain.Node.Cli.Commands;

/// <summary>
/// <c>daichain contribution record --key FILE (--model ID | --round ID) [--contributor ADDR] [--samples N] [--compute N]
/// [--dataset-commitment HASH] [--update FILE]</c>: records a training contribution and prints its id (the transaction hash).
/// </summary>
internal sealed class ContributionRecordCommand : Command
{
    private static readonly OptionSpec ModelOption = new("model", "ID", "the model contributed to");
    private static readonly OptionSpec RoundOption = new("round", "ID", "or the federated round contributed to");
    private static readonly OptionSpec ContributorOption = new("contributor", "ADDR", "who is credited (default: the key's account; another account only as the model's owner)");
    private static readonly OptionSpec SamplesOption = new("samples", "N", "training samples contributed");
    private static readonly OptionSpec ComputeOption = new("compute", "N", "compute units contributed");
    private static readonly OptionSpec CommitmentOption = new("dataset-commitment", "HASH", "a commitment to the data used (its hash or a Merkle root)");
    private static readonly OptionSpec UpdateOption = new("update", "FILE", "the model update produced; its SHA-256 is recorded");

    public override string Name => "record";

    public override string Summary => "record a training contribution to a model or a federated round";

    public override IReadOnlyList<OptionSpec> Options => [ModelOption, RoundOption, ContributorOption, SamplesOption, ComputeOption, CommitmentOption, UpdateOption, .. RegistryCommandSupport.SubmitOptions];

    public override IReadOnlyList<string> NativeLibraries => [Ledger.Native.NativeLibraries.Secp256k1];

    public override int Execute(CommandInput input, CliConsole console)
    {
        var model = input.Option(ModelOption.Name);
        var round = input.Option(RoundOption.Name);
        if ((model is null) == (round is null))
        {
            throw new UsageException("give exactly one of --model ID and --round ID");
        }

        using var key = RegistryCommandSupport.LoadKey(input, console);
        var payload = new RecordContributionPayload
        {
            Target = model is null ? ContributionTarget.Round : ContributionTarget.Model,
            TargetId = model is null ? RegistryCommandSupport.ParseHash(RoundOption.Name, round) : RegistryCommandSupport.ParseHash(ModelOption.Name, model),
            Contributor = input.Option(ContributorOption.Name) is { } c ? RegistryCommandSupport.ParseAddress(ContributorOption.Name, c) : key.Address,
            SampleCount = RegistryCommandSupport.ParseUInt64(input, SamplesOption.Name),
            ComputeUnits = RegistryCommandSupport.ParseUInt64(input, ComputeOption.Name),
            DatasetCommitment = RegistryCommandSupport.OptionalHash(input, CommitmentOption.Name) ?? Hash256.Zero,
            UpdateArtifact = input.Option(UpdateOption.Name) is { } update ? RegistryCommandSupport.HashFile(UpdateOption.Name, update).Hash : Hash256.Zero,
        };
        using var client = RegistryCommandSupport.Client(input);
        var code = RegistryCommandSupport.Submit(client, input, console, key, payload, out var hash);
        console.Out.WriteLine($"contribution: {RegistryIds.Format(hash)}");
        return code;
    }
}
