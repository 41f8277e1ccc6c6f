using System.Globalization;
using System.Text;
using DaiChain.ModelRegistry.Queries;

namespace DaiChain.Node.Audit;

/// <summary>
/// A provenance report as CSV (RFC 4180: comma-separated, double-quoted when needed, CRLF line ends), one row per
/// record the version relates to, for spreadsheets and audit tools (docs/spec/audit.md, "Exports").
/// </summary>
/// <remarks>
/// Columns: <c>relation, id, name, sha256, size_bytes, licence, detail, height</c>. Relations: <c>block</c> (the
/// height, block hash and state root everything is proven against), <c>version</c>, <c>model</c>, <c>parent</c>,
/// <c>ancestor</c>, <c>dataset</c>, <c>contribution</c>, <c>benchmark</c>, <c>evaluation</c>, <c>stage</c>,
/// <c>closed_round</c>, <c>fact</c> (each proven state entry: key hash and the SHA-256 of its value).
/// </remarks>
internal static class ProvenanceCsv
{
    public const string Header = "relation,id,name,sha256,size_bytes,licence,detail,height";

    public static string Write(ProvenanceReportView report)
    {
        var text = new StringBuilder();
        text.Append(Header).Append("\r\n");
        void Row(string relation, string id, string name, string? sha256, ulong? size, string? licence, string detail, ulong? height) =>
            text.Append(string.Join(',', new[]
            {
                relation, id, name, sha256 ?? string.Empty, size?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
                licence ?? string.Empty, detail, height?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
            }.Select(Quote))).Append("\r\n");

        var version = report.Version;
        var model = report.Model;
        Row("block", report.BlockHash, report.ChainId, report.StateRoot, null, null, $"state root after block {report.Height}", report.Height);
        Row("version", version.Id, $"{model.Name} {version.Semver}", version.Artifact.Hash, version.Artifact.SizeBytes, model.Licence, $"stage={version.Stage};evaluation={version.Evaluation.Status};revoked={(version.Revocation is null ? "no" : "yes: " + version.Revocation.Reason)}", version.RegisteredHeight);
        Row("model", model.Id, model.Name, null, null, model.Licence, $"task={model.TaskType};creator={model.Creator}", model.CreatedHeight);
        foreach (var parent in report.Parents)
        {
            Row("parent", parent.Id, parent.Semver, parent.ArtifactHash, null, null, $"model={parent.Model};stage={parent.Stage};revoked={(parent.Revoked ? "yes" : "no")}", parent.RegisteredHeight);
        }

        foreach (var ancestor in report.Ancestors.Where(a => report.Parents.All(p => p.Id != a.Id)))
        {
            Row("ancestor", ancestor.Id, ancestor.Semver, ancestor.ArtifactHash, null, null, $"model={ancestor.Model};stage={ancestor.Stage};revoked={(ancestor.Revoked ? "yes" : "no")}", ancestor.RegisteredHeight);
        }

        foreach (var dataset in report.Datasets)
        {
            Row("dataset", dataset.Hash, dataset.Name, dataset.Hash, dataset.SizeBytes, dataset.Licence, $"visibility={dataset.Visibility};owner={dataset.Owner};schema={dataset.Schema}", dataset.RegisteredHeight);
        }

        foreach (var c in report.Contributions)
        {
            Row("contribution", c.Id, c.Contributor, c.UpdateArtifact, null, null, $"target={c.Target};samples={c.SampleCount};compute_units={c.ComputeUnits};dataset_commitment={c.DatasetCommitment ?? "none"};round={c.Round ?? "none"}", c.Height);
        }

        foreach (var b in report.Benchmarks)
        {
            Row("benchmark", b.Name, b.Description, b.Dataset, null, null, $"task={b.Task};metric={b.Metric};threshold={b.Threshold}", b.RegisteredHeight);
        }

        foreach (var e in version.Evaluation.Results)
        {
            Row("evaluation", e.Benchmark, e.Verdict, e.ResultHash, null, null, $"metric_value={e.MetricValue};threshold={e.Threshold}", e.Height);
        }

        foreach (var s in report.StageHistory)
        {
            Row("stage", s.Stage, s.By, null, null, null, s.Note, s.Height);
        }

        if (report.ClosedRound is { } round)
        {
            Row("closed_round", round.Id, round.Description, null, null, null, $"status={round.Status};contributions={round.ContributionCount}", round.ClosedHeight);
        }

        foreach (var fact in report.Facts)
        {
            var value = Ledger.Primitives.Hex.Decode(fact.Value);
            Row("fact", fact.KeyHash, $"{fact.Space}/{fact.Id}", "0x" + Ledger.Primitives.Hash256.Compute(value), (ulong)value.Length, null, fact.Fact, report.Height);
        }

        return text.ToString();
    }

    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
}
