using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Primitives;
using DaiChain.ModelRegistry;
using DaiChain.ModelRegistry.Queries;
using DaiChain.ModelRegistry.Records;
using DaiChain.ModelRegistry.State;
using DaiChain.Node.Evaluation;
using DaiChain.Node.Rpc;
using DaiChain.Node.Rpc.Schema;

namespace DaiChain.Node.Registry;

/// <summary>
/// <c>registry_getEvaluation</c>: a version's committed evaluation (state, and per benchmark the metric, verdict and
/// result hash validators agreed on) and this node's own evaluation of it (a validator's signed result, pending, or why
/// it cannot run) — also for an artifact whose version never committed, such as a model that cannot be evaluated.
/// </summary>
public static class EvaluationRpcMethods
{
    private const string IdPattern = "^0x[0-9a-fA-F]{64}$";

    /// <summary>Adds the method; <paramref name="service"/> is this validator's evaluation worker (null on other nodes).</summary>
    public static void Register(RpcMethodRegistry registry, IRegistryStateSource source, EvaluationService? service)
    {
        registry.Add(RpcMethod.Read("registry_getEvaluation", "Returns a version's committed evaluation and this node's own evaluation of it.")
            .WithDescription("Give `version`, or `artifact` with `benchmark` (for example to see why a submitted model was never committed).")
            .OptionalParam("version", RpcSchema.String(pattern: IdPattern, description: "The version id, as 0x and 64 hex digits."), "The version.")
            .OptionalParam("artifact", RpcSchema.String(pattern: IdPattern, description: "The model artifact's SHA-256, as 0x and 64 hex digits."), "The artifact, with benchmark.")
            .OptionalParam("benchmark", RpcSchema.String(1, RegistryLimits.MaxBenchmarkNameBytes), "A benchmark name, with artifact.")
            .Returns("evaluation", RpcSchema.Any("status (unevaluated, accepted, rejected or not_registered), benchmarks, committed (per benchmark: verdict, metricValue, threshold, resultHash, height) and local (this node's evaluation per benchmark: state, result numbers, rejection, signature)."))
            .Error(RegistryRpcErrors.NotFound, RegistryRpcErrors.NotFoundReason, "No such version or benchmark; data.kind says which.")
            .HandleJson((p, _) => ValueTask.FromResult<JsonNode?>(Get(p, source, service))));
    }

    private static JsonObject Get(JsonElement p, IRegistryStateSource source, EvaluationService? service)
    {
        var (_, state) = source.Latest();
        var versionText = Text(p, "version");
        var artifactText = Text(p, "artifact");
        var benchmarkText = Text(p, "benchmark");
        VersionRecord? version = null;
        Hash256 artifact;
        IReadOnlyList<string> benchmarks;
        if (versionText is not null)
        {
            version = RegistryState.GetVersion(state, Parse("version", versionText)) ?? throw RegistryRpcErrors.Missing("version", versionText, "");
            artifact = version.ArtifactHash;
            benchmarks = version.Benchmarks;
        }
        else if (artifactText is not null && benchmarkText is not null)
        {
            artifact = Parse("artifact", artifactText);
            benchmarks = [benchmarkText];
        }
        else
        {
            throw RpcException.InvalidParams("version", "give version, or artifact with benchmark");
        }

        var committed = version is null ? null : RegistryViews.Evaluation(version);
        var result = new JsonObject
        {
            ["version"] = version is null ? null : RegistryIds.Format(version.Id),
            ["artifact"] = RegistryIds.Format(artifact),
            ["status"] = committed?.Status ?? "not_registered",
            ["benchmarks"] = new JsonArray([.. benchmarks.Select(b => (JsonNode)JsonValue.Create(b))]),
            ["committed"] = new JsonArray([.. (committed?.Results ?? []).Select(r => JsonSerializer.SerializeToNode(r, RegistryJson.Default.EvaluationResultView))]),
        };
        var local = new JsonArray();
        foreach (var name in benchmarks)
        {
            var benchmark = RegistryState.GetBenchmark(state, name) ?? throw RegistryRpcErrors.Missing("benchmark", name, "");
            local.Add(Local(name, EvaluationKey.For(artifact, name, benchmark.Definition), service));
        }

        result["local"] = local;
        return result;
    }

    private static JsonObject Local(string benchmark, EvaluationKey key, EvaluationService? service)
    {
        var entry = new JsonObject { ["benchmark"] = benchmark };
        if (service is null)
        {
            entry["state"] = "not_a_validator";
            return entry;
        }

        if (service.TryGet(key) is not { } stored)
        {
            entry["state"] = service.IsPending(key) ? "pending" : service.ProblemOf(key) is null ? "not_started" : "unavailable";
            if (service.ProblemOf(key) is { } problem)
            {
                entry["problem"] = problem;
            }

            return entry;
        }

        var r = stored.Result;
        entry["state"] = "done";
        entry["status"] = RegistryViews.Word(r.Status);
        entry["evaluatorVersion"] = r.EvaluatorVersion;
        entry["metric"] = r.Metric.ToString();
        entry["metricValue"] = r.MetricValue;
        entry["threshold"] = r.Threshold;
        entry["samples"] = r.SampleCount;
        entry["correct"] = r.Correct;
        entry["precisionBp"] = r.PrecisionBp;
        entry["recallBp"] = r.RecallBp;
        entry["f1Bp"] = r.F1Bp;
        entry["mseMicro"] = r.MseMicro;
        entry["maeMicro"] = r.MaeMicro;
        entry["workUnits"] = r.WorkUnits;
        entry["outputDigest"] = RegistryIds.Format(r.OutputDigest);
        entry["resultHash"] = RegistryIds.Format(stored.Signed.Statement.ResultHash);
        if (r.RejectionReason is { } reason)
        {
            entry["code"] = RegistryErrorCodes.InvalidModel;
            entry["rejectionReason"] = reason.ToString();
            entry["message"] = stored.Message;
        }

        entry["signature"] = "0x" + Hex.Encode(Canonical.Encode(stored.Signed.Signature));
        entry["signedEvaluation"] = "0x" + Hex.Encode(Canonical.Encode(stored.Signed));
        return entry;
    }

    private static string? Text(JsonElement p, string name) =>
        p.ValueKind == JsonValueKind.Object && p.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static Hash256 Parse(string name, string text) =>
        Hash256.TryParse(text, out var hash) ? hash : throw RpcException.InvalidParams(name, string.Create(CultureInfo.InvariantCulture, $"'{text}' is not 0x and 64 hex digits"));
}
