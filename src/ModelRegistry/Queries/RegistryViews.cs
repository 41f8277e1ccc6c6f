using DaiChain.Ledger.Primitives;
using DaiChain.ModelRegistry.Inference;
using DaiChain.ModelRegistry.Records;

namespace DaiChain.ModelRegistry.Queries;

/// <summary>Turns records into the views queries return: ids as <c>0x</c> hex, enums as lower-case words, zero hashes as null.</summary>
public static class RegistryViews
{
    public static string Id(Hash256 id) => RegistryIds.Format(id);

    public static string? OptionalId(Hash256 id) => id.IsZero ? null : RegistryIds.Format(id);

    public static string Word<TEnum>(TEnum value)
        where TEnum : struct, Enum => ToSnake(value.ToString());

    public static ModelSummaryView Summary(ModelRecord model) =>
        new(Id(model.Id), model.Name, model.Creator.ToString(), model.TaskType, model.VersionCount, model.LatestVersion.IsZero ? null : model.LatestSemver, model.CreatedHeight);

    public static VersionSummaryView Summary(VersionRecord version) =>
        new(Id(version.Id), Id(version.ModelId), version.Semver, Id(version.ArtifactHash), Word(version.Stage), version.IsRevoked, version.RegisteredHeight);

    public static ContributionView Contribution(ContributionRecord c) => new(
        Id(c.Id),
        Word(c.Target),
        Id(c.ModelId),
        OptionalId(c.RoundId),
        c.Contributor.ToString(),
        c.RecordedBy.ToString(),
        OptionalId(c.DatasetCommitment),
        c.SampleCount,
        c.ComputeUnits,
        OptionalId(c.UpdateArtifact),
        c.Height);

    public static DatasetView Dataset(DatasetRecord d) =>
        new(Id(d.Hash), d.Name, d.Owner.ToString(), d.SizeBytes, d.Schema, d.Licence, Word(d.Visibility), d.RegisteredHeight);

    public static BenchmarkView Benchmark(BenchmarkRecord b) => new(
        b.Name,
        b.Description,
        Id(b.Definition.DatasetHash),
        Word(b.Definition.Task),
        Word(b.Definition.Metric),
        b.Definition.ScoredOutput,
        b.Definition.Threshold,
        b.Definition.PositiveLabel,
        b.Definition.LabelMapping.Count,
        b.Definition.Inputs.Count,
        b.RegisteredBy.ToString(),
        b.RegisteredHeight);

    public static RoundView Round(RoundRecord r) => new(
        Id(r.Id),
        Id(r.ModelId),
        r.OpenedBy.ToString(),
        [.. r.Participants.Select(p => p.ToString())],
        r.DeadlineHeight,
        r.OpenedHeight,
        r.Description,
        Word(r.Status),
        r.ContributionCount,
        r.ClosedHeight,
        OptionalId(r.AggregatedVersion));

    public static ReceiptView Receipt(InferenceReceipt r, string chainId) => new(
        Id(r.Hash),
        Id(r.VersionId),
        r.Provider.ToString(),
        Id(r.RequestHash),
        Id(r.ResponseHash),
        r.Consumer.ToString(),
        r.TimeMs,
        "0x" + r.ConsumerSignature,
        r.VerifyConsumer(chainId));

    public static BatchView Batch(InferenceBatchRecord b, string chainId) => new(
        Id(b.Id),
        Id(b.VersionId),
        b.Provider.ToString(),
        b.ReceiptCount,
        Id(b.ReceiptsRoot),
        OptionalId(b.ReceiptsArtifact),
        b.Height,
        b.Epoch,
        b.Receipt is null ? null : Receipt(b.Receipt, chainId));

    public static StageChangeView StageChange(StageChange s) => new(Word(s.Stage), s.Height, s.By.ToString(), s.Note);

    public static UsageView Usage(VersionUsage u) => new(u.Batches, u.Receipts, u.LastHeight);

    public static EvaluationView Evaluation(VersionRecord v) => new(
        Word(v.Evaluation),
        v.Benchmarks,
        [.. v.Evaluations.Select(e => new EvaluationResultView(e.Benchmark, Word(e.Verdict), e.MetricValue, e.Threshold, Id(e.ResultHash), e.Height))]);

    private static string ToSnake(string name)
    {
        var builder = new System.Text.StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsAsciiLetterUpper(c))
            {
                if (i > 0)
                {
                    builder.Append('_');
                }

                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
