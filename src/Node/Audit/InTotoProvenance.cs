using System.Text;
using System.Text.Json;
using DaiChain.Ledger.Genesis;
using DaiChain.ModelRegistry.Queries;

namespace DaiChain.Node.Audit;

/// <summary>
/// A model version's provenance as an in-toto Statement v1 with a SLSA Provenance v1 predicate, so supply-chain
/// tools read DaiChain's records: the subject is the ONNX artifact (its SHA-256); datasets, parent versions and
/// training contributions are resolved dependencies; the benchmarks, evaluations and model card are parameters; the
/// chain, block and state root that prove it all are the run details (docs/spec/audit.md, "in-toto / SLSA").
/// </summary>
/// <remarks>The statement is not signed here: wrap it in a DSSE envelope with the signer your policy trusts.</remarks>
internal static class InTotoProvenance
{
    public const string StatementType = "https://in-toto.io/Statement/v1";
    public const string PredicateType = "https://slsa.dev/provenance/v1";
    public const string BuildType = "urn:daichain:build-type:model-version:v1";

    /// <param name="report">The provenance report.</param>
    /// <param name="genesisHash">The chain's genesis hash (identifies the chain beyond its id).</param>
    /// <param name="registeredTimeMs">The time of the block that registered the version.</param>
    public static string Write(ProvenanceReportView report, string genesisHash, long registeredTimeMs)
    {
        var version = report.Version;
        var model = report.Model;
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("_type", StatementType);
            json.WriteStartArray("subject");
            json.WriteStartObject();
            json.WriteString("name", $"{model.Name}@{version.Semver}.onnx");
            WriteDigest(json, version.Artifact.Hash);
            json.WriteStartObject("annotations");
            json.WriteString("daichain.versionId", version.Id);
            json.WriteNumber("sizeBytes", version.Artifact.SizeBytes);
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteString("predicateType", PredicateType);

            json.WriteStartObject("predicate");
            json.WriteStartObject("buildDefinition");
            json.WriteString("buildType", BuildType);
            json.WriteStartObject("externalParameters");
            json.WriteStartObject("model");
            json.WriteString("id", model.Id);
            json.WriteString("name", model.Name);
            json.WriteString("taskType", model.TaskType);
            json.WriteString("licence", model.Licence);
            json.WriteString("creator", model.Creator);
            json.WriteEndObject();
            json.WriteStartObject("version");
            json.WriteString("id", version.Id);
            json.WriteString("semver", version.Semver);
            json.WriteString("stage", version.Stage);
            json.WriteString("registeredBy", version.RegisteredBy);
            json.WriteEndObject();
            if (version.HyperparametersHash is { } hyper)
            {
                json.WriteString("hyperparametersSha256", Bare(hyper));
            }

            json.WriteString("modelCardSha256", Bare(version.ModelCardHash));
            json.WriteStartArray("benchmarks");
            foreach (var b in report.Benchmarks)
            {
                json.WriteStartObject();
                json.WriteString("name", b.Name);
                json.WriteString("task", b.Task);
                json.WriteString("metric", b.Metric);
                json.WriteNumber("threshold", b.Threshold);
                json.WriteString("datasetSha256", Bare(b.Dataset));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartObject("evaluation");
            json.WriteString("status", version.Evaluation.Status);
            json.WriteStartArray("results");
            foreach (var e in version.Evaluation.Results)
            {
                json.WriteStartObject();
                json.WriteString("benchmark", e.Benchmark);
                json.WriteString("verdict", e.Verdict);
                json.WriteNumber("metricValue", e.MetricValue);
                json.WriteNumber("threshold", e.Threshold);
                json.WriteString("resultSha256", Bare(e.ResultHash));
                json.WriteNumber("height", e.Height);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();

            json.WriteStartObject("internalParameters");
            json.WriteString("chainId", report.ChainId);
            json.WriteString("genesisHash", Bare(genesisHash));
            json.WriteNumber("registeredHeight", version.RegisteredHeight);
            json.WriteBoolean("revoked", version.Revocation is not null);
            if (version.Revocation is { } revocation)
            {
                json.WriteString("revocationReason", revocation.Reason);
            }

            json.WriteBoolean("revokedUpstream", version.Upstream.RevokedUpstream);
            json.WriteEndObject();

            json.WriteStartArray("resolvedDependencies");
            foreach (var d in report.Datasets)
            {
                Dependency(json, $"dataset:{d.Name}", Urn(report, "dataset", d.Hash), d.Hash, a =>
                {
                    a.WriteString("role", "training-dataset");
                    a.WriteString("licence", d.Licence);
                    a.WriteString("visibility", d.Visibility);
                    a.WriteNumber("sizeBytes", d.SizeBytes);
                    a.WriteString("owner", d.Owner);
                });
            }

            foreach (var p in report.Parents)
            {
                Dependency(json, $"parent:{p.Semver}", Urn(report, "version", p.Id), p.ArtifactHash, a =>
                {
                    a.WriteString("role", "parent-model");
                    a.WriteString("versionId", p.Id);
                    a.WriteBoolean("revoked", p.Revoked);
                });
            }

            foreach (var c in report.Contributions)
            {
                Dependency(json, $"contribution:{c.Id}", Urn(report, "contribution", c.Id), c.UpdateArtifact, a =>
                {
                    a.WriteString("role", "training-contribution");
                    a.WriteString("contributor", c.Contributor);
                    a.WriteNumber("sampleCount", c.SampleCount);
                    a.WriteNumber("computeUnits", c.ComputeUnits);
                    if (c.DatasetCommitment is { } commitment)
                    {
                        a.WriteString("datasetCommitmentSha256", Bare(commitment));
                    }
                });
            }

            json.WriteEndArray();
            json.WriteEndObject();

            json.WriteStartObject("runDetails");
            json.WriteStartObject("builder");
            json.WriteString("id", $"urn:daichain:chain:{report.ChainId}");
            json.WriteEndObject();
            json.WriteStartObject("metadata");
            json.WriteString("invocationId", Urn(report, "version", version.Id));
            json.WriteString("finishedOn", GenesisJson.FormatTime(registeredTimeMs));
            json.WriteEndObject();
            json.WriteStartArray("byproducts");
            json.WriteStartObject();
            json.WriteString("name", "daichain-state-root");
            WriteDigest(json, report.StateRoot);
            json.WriteStartObject("annotations");
            json.WriteNumber("height", report.Height);
            json.WriteString("blockHash", report.BlockHash);
            json.WriteNumber("provenFacts", report.Facts.Count);
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void Dependency(Utf8JsonWriter json, string name, string uri, string? sha256, Action<Utf8JsonWriter> annotations)
    {
        json.WriteStartObject();
        json.WriteString("name", name);
        json.WriteString("uri", uri);
        if (sha256 is not null)
        {
            WriteDigest(json, sha256);
        }

        json.WriteStartObject("annotations");
        annotations(json);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteDigest(Utf8JsonWriter json, string hash)
    {
        json.WriteStartObject("digest");
        json.WriteString("sha256", Bare(hash));
        json.WriteEndObject();
    }

    private static string Urn(ProvenanceReportView report, string kind, string id) => $"urn:daichain:{report.ChainId}:{kind}:{Bare(id)}";

    /// <summary>in-toto digests are lower-case hex without a prefix.</summary>
    private static string Bare(string hash) => (hash.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? hash[2..] : hash).ToLowerInvariant();
}
