using System.Buffers.Binary;
using System.Globalization;
using DaiChain.Ledger;
using DaiChain.Ledger.Crypto;
using DaiChain.Ledger.Staking;
using DaiChain.Ledger.Transactions;
using DaiChain.ModelRegistry.State;

namespace DaiChain.ModelRegistry.Transactions;

/// <summary>
/// ReportConflictingEvaluation (kind 113): anyone submits two evaluations one validator signed for the same
/// (chain, artifact, benchmark, evaluator) with different results. The evaluator is deterministic, so one of them is
/// false: the validator gets exactly the punishment of a double vote (<see cref="Slashing.Punish"/>), once per
/// (validator, artifact, benchmark).
/// </summary>
/// <remarks>
/// <para>The signer is found by recovering both signatures: two different keys mean the pair is not one validator's
/// (<see cref="RegistryErrorCodes.BadEvaluationSignature"/>). Like duplicate-vote evidence, the signer must be a
/// validator the staking state knows: any validator record, in the active set, jailed or still bonded. Unlike a
/// vote, a signed evaluation has no height, so there is no age limit; the dedupe record keeps one misbehaviour
/// from being punished twice.</para>
/// <para>Every rejection leaves state as it was: all checks run before the first write.</para>
/// </remarks>
public sealed class ReportConflictingEvaluationHandler : RegistryHandler<ReportConflictingEvaluationPayload>
{
    public override ushort Kind => RegistryKinds.ReportConflictingEvaluation;

    public override string Name => "report_conflicting_evaluation";

    protected override Outcome Validate(ReportConflictingEvaluationPayload payload)
    {
        var (a, b) = (payload.Evidence.First.Statement, payload.Evidence.Second.Statement);
        if (!string.Equals(a.ChainId, b.ChainId, StringComparison.Ordinal) || a.ArtifactHash != b.ArtifactHash
            || !string.Equals(a.Benchmark, b.Benchmark, StringComparison.Ordinal) || !string.Equals(a.EvaluatorVersion, b.EvaluatorVersion, StringComparison.Ordinal))
        {
            return Fail(RegistryErrorCodes.EvaluationsNotComparable, "the two evaluations are not of the same chain, artifact, benchmark and evaluator, so they cannot conflict");
        }

        if (a.ResultHash == b.ResultHash)
        {
            return Fail(RegistryErrorCodes.EvaluationsAgree, "the two evaluations state the same result: there is no conflict");
        }

        return a.ResultHash.CompareTo(b.ResultHash) < 0
            ? Outcome.Success
            : Fail(RegistryErrorCodes.EvidenceNotCanonical, "the evaluations are not in canonical order: the one with the lower result hash comes first");
    }

    protected override Outcome Execute(TransactionContext context, ReportConflictingEvaluationPayload payload)
    {
        var evidence = payload.Evidence;
        var statement = evidence.First.Statement;
        if (!string.Equals(statement.ChainId, context.Block.ChainId, StringComparison.Ordinal))
        {
            return Fail(RegistryErrorCodes.EvidenceWrongChain, $"the evaluations were signed for chain '{statement.ChainId}', not this chain '{context.Block.ChainId}'");
        }

        if (!Secp256k1.Shared.TryRecover(statement.Digest(), evidence.First.Signature, out var signer)
            || !Secp256k1.Shared.TryRecover(evidence.Second.Statement.Digest(), evidence.Second.Signature, out var other)
            || signer != other)
        {
            return Fail(RegistryErrorCodes.BadEvaluationSignature, "the two signatures are not both valid by one key");
        }

        var record = StakingState.GetRecord(context.State, signer.Address);
        if (record is null || record.PublicKey != signer)
        {
            return Fail(RegistryErrorCodes.UnknownValidator, $"{signer.Address} signed the evaluations but is not a validator known to staking");
        }

        var verified = evidence.Verify(record.PublicKey);
        if (!verified.IsSuccess)
        {
            return Fail(RegistryErrorCodes.BadEvaluationSignature, verified.Message!);
        }

        var reportKey = RegistryState.EvaluationReportKey(record.Address, statement.ArtifactHash, statement.Benchmark);
        if (context.State.Get(reportKey) is not null)
        {
            return Fail(RegistryErrorCodes.EvaluationAlreadyReported, $"{record.Address} was already punished for conflicting evaluations of {RegistryIds.Format(statement.ArtifactHash)} on '{statement.Benchmark}'");
        }

        var height = new byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(height, context.Block.Height);
        context.State.Set(reportKey, height);
        var punishment = Slashing.Punish(context.State, context.Block.Rules.Parameters, record.Address);
        context.Emit(
            "registry.evaluation_equivocation",
            ("validator", record.Address.ToString()),
            ("artifact", RegistryIds.Format(statement.ArtifactHash)),
            ("benchmark", statement.Benchmark),
            ("punishment", punishment.Kind == PunishmentKind.Jailed ? "jailed" : "slashed_not_jailed"),
            ("granted_slashed", punishment.GrantedSlashed.ToString(CultureInfo.InvariantCulture)),
            ("bonded_burned", punishment.BondedBurned.ToString(CultureInfo.InvariantCulture)),
            ("reporter", context.Sender.ToString()));
        return Outcome.Success;
    }
}
