using System.Globalization;
using DaiChain.Ledger;
using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Primitives;
using DaiChain.Ledger.Transactions;
using DaiChain.ModelRegistry.Evaluation;
using DaiChain.ModelRegistry.Records;
using DaiChain.ModelRegistry.State;
using DaiChain.ModelRegistry.Validation;

namespace DaiChain.ModelRegistry.Transactions;

/// <summary>
/// RecordEvaluation (kind 112): the block proposer's evaluation of the version registered by the transaction just
/// before it, one result per benchmark the version names. Records each benchmark's metric and verdict, recomputed
/// in integers from the result's own numbers, and the version's evaluation state: accepted when every benchmark
/// accepts it, rejected otherwise (a rejected submission stays registered and recorded).
/// </summary>
/// <remarks>
/// <para>Only the block's proposer may send it, so it never passes a mempool's admission check (whose proposer is
/// the zero address). Whether the carried results are the right ones is not something execution can know — it would
/// have to run the model — so every validator compares them with its own before prevoting
/// (docs/spec/evaluation-gate.md). Execution only checks that they are consistent with the version, its
/// benchmarks and themselves.</para>
/// <para>Every rejection leaves state as it was: all checks run before the one write.</para>
/// </remarks>
public sealed class RecordEvaluationHandler : RegistryHandler<RecordEvaluationPayload>
{
    public override ushort Kind => RegistryKinds.RecordEvaluation;

    public override string Name => "record_evaluation";

    protected override Outcome Validate(RecordEvaluationPayload payload)
    {
        if (payload.Entries.Count == 0)
        {
            return Fail(RegistryErrorCodes.EvaluationMismatch, "a record of evaluation needs one result per benchmark of the version; it has none");
        }

        foreach (var entry in payload.Entries)
        {
            if (RegistryText.SlugProblem("benchmark name", entry.Benchmark, RegistryLimits.MaxBenchmarkNameBytes) is { } problem)
            {
                return Fail(RegistryErrorCodes.InvalidName, problem);
            }

            if (!string.Equals(entry.Result.EvaluatorVersion, Evaluator.Version, StringComparison.Ordinal))
            {
                return Fail(RegistryErrorCodes.UnsupportedEvaluator, $"the result for '{entry.Benchmark}' was made by evaluator '{entry.Result.EvaluatorVersion}'; this chain records '{Evaluator.Version}'");
            }

            if (entry.Result.Status == EvaluationStatus.InvalidModel)
            {
                return Fail(RegistryErrorCodes.InvalidModel, $"the result for '{entry.Benchmark}' says the model cannot be evaluated; such a version is not committed at all");
            }
        }

        return payload.Entries.Select(e => e.Benchmark).Distinct(StringComparer.Ordinal).Count() == payload.Entries.Count
            ? Outcome.Success
            : Fail(RegistryErrorCodes.EvaluationMismatch, "a benchmark has two results");
    }

    protected override Outcome Execute(TransactionContext context, RecordEvaluationPayload payload)
    {
        var block = context.Block;
        if (context.Sender != block.ProposerAddress || !block.Validators.Contains(context.Sender))
        {
            return Fail(RegistryErrorCodes.NotBlockProposer, $"{context.Sender} may not record evaluations: only the proposer of the block does, right after the version it evaluated");
        }

        var version = RegistryState.GetVersion(context.State, payload.VersionId);
        if (version is null)
        {
            return Fail(RegistryErrorCodes.UnknownVersion, $"no version {RegistryIds.Format(payload.VersionId)} is registered");
        }

        if (version.Evaluation != EvaluationState.Unevaluated || version.Evaluations.Count > 0)
        {
            return Fail(RegistryErrorCodes.AlreadyEvaluated, $"version {version.Semver} ({RegistryIds.Format(version.Id)}) was already evaluated ({version.Evaluation})");
        }

        if (version.RegisteredHeight != block.Height)
        {
            return Fail(RegistryErrorCodes.EvaluationNotPending, string.Create(CultureInfo.InvariantCulture, $"version {RegistryIds.Format(version.Id)} was registered at height {version.RegisteredHeight}; its evaluation is recorded only in the block that registers it"));
        }

        if (!version.Benchmarks.SequenceEqual(payload.Entries.Select(e => e.Benchmark), StringComparer.Ordinal))
        {
            return Fail(RegistryErrorCodes.EvaluationMismatch, $"the results are for [{string.Join(", ", payload.Entries.Select(e => e.Benchmark))}]; the version names [{string.Join(", ", version.Benchmarks)}], in that order");
        }

        var entries = new List<EvaluationEntry>(payload.Entries.Count);
        foreach (var (name, result) in payload.Entries)
        {
            var benchmark = RegistryState.GetBenchmark(context.State, name);
            if (benchmark is null)
            {
                return Fail(RegistryErrorCodes.UnknownBenchmark, $"benchmark '{name}' is not registered");
            }

            var spec = benchmark.Definition;
            if (result.ModelHash != version.ArtifactHash || result.DatasetHash != spec.DatasetHash || result.Metric != spec.Metric || result.Threshold != spec.Threshold)
            {
                return Fail(RegistryErrorCodes.EvaluationMismatch, $"the result for '{name}' is not of artifact {RegistryIds.Format(version.ArtifactHash)} on dataset {RegistryIds.Format(spec.DatasetHash)} with {spec.Metric} and threshold {spec.Threshold}");
            }

            if (EvaluationVerdicts.Judge(spec, result, out var problem) is not { } verdict)
            {
                return Fail(RegistryErrorCodes.EvaluationMismatch, $"the result for '{name}' is inconsistent: {problem}");
            }

            entries.Add(new EvaluationEntry(name, verdict, result.MetricValue, result.Threshold, Hash256.Compute(Canonical.Encode(result)), block.Height));
        }

        var state = entries.All(e => e.Verdict == EvaluationVerdict.Accepted) ? EvaluationState.Accepted : EvaluationState.Rejected;
        RegistryState.PutVersion(context.State, version with { Evaluation = state, Evaluations = entries });
        context.Emit(
            "registry.version_evaluated",
            ("version", RegistryIds.Format(version.Id)),
            ("verdict", state == EvaluationState.Accepted ? "accepted" : "rejected"),
            ("benchmarks", string.Join(",", entries.Select(e => string.Create(CultureInfo.InvariantCulture, $"{e.Benchmark}={e.MetricValue}")))),
            ("by", context.Sender.ToString()));
        return Outcome.Success;
    }
}
