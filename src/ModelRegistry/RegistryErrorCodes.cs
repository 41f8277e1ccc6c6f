using DaiChain.Ledger.Transactions;

namespace DaiChain.ModelRegistry;

/// <summary>
/// Stable codes of the registry's transaction rejections, as receipts carry them. A code never changes meaning
/// once released; add new ones instead (docs/spec/registry.md lists them with their causes).
/// </summary>
public static class RegistryErrorCodes
{
    /// <summary>The sender lacks the role the kind requires (Ledger's code).</summary>
    public const string MissingRole = ErrorCodes.MissingRole;

    public const string NotModelOwner = "not_model_owner";
    public const string InvalidName = "invalid_name";
    public const string InvalidLicence = "invalid_licence";
    public const string InvalidText = "invalid_text";
    public const string TextTooLong = "text_too_long";
    public const string InvalidOwners = "invalid_owners";
    public const string InvalidReference = "invalid_reference";
    public const string DuplicateModel = "duplicate_model";
    public const string UnknownModel = "unknown_model";
    public const string InvalidSemver = "invalid_semver";
    public const string DuplicateVersion = "duplicate_version";
    public const string UnknownVersion = "unknown_version";
    public const string UnknownParent = "unknown_parent";
    public const string LineageCycle = "lineage_cycle";
    public const string ParentRevoked = "parent_revoked";
    public const string BadArtifactHash = "bad_artifact_hash";
    public const string InvalidArtifactSize = "invalid_artifact_size";
    public const string CardTooLarge = "card_too_large";
    public const string UnknownDataset = "unknown_dataset";
    public const string DuplicateDataset = "duplicate_dataset";
    public const string UnknownBenchmark = "unknown_benchmark";
    public const string DuplicateBenchmark = "duplicate_benchmark";
    public const string InvalidBenchmark = "invalid_benchmark";
    public const string UnknownContribution = "unknown_contribution";
    public const string ContributionNotForModel = "contribution_not_for_model";
    public const string InvalidContribution = "invalid_contribution";
    public const string UnknownRound = "unknown_round";
    public const string InvalidRound = "invalid_round";
    public const string RoundClosed = "round_closed";
    public const string RoundDeadlinePassed = "round_deadline_passed";
    public const string RoundFull = "round_full";
    public const string NotRoundParticipant = "not_round_participant";
    public const string RoundIncomplete = "round_incomplete";
    public const string InvalidStage = "invalid_stage";
    public const string StageUnchanged = "stage_unchanged";
    public const string VersionRevoked = "version_revoked";
    public const string AlreadyRevoked = "already_revoked";
    public const string WrongModel = "wrong_model";
    public const string AliasUnchanged = "alias_unchanged";
    public const string InvalidReceipts = "invalid_receipts";
    public const string BadReceiptSignature = "bad_receipt_signature";

    /// <summary>A RecordEvaluation not sent by the block's proposer (it never enters a mempool).</summary>
    public const string NotBlockProposer = "not_block_proposer";

    /// <summary>A RecordEvaluation for a version not registered earlier in the same block.</summary>
    public const string EvaluationNotPending = "evaluation_not_pending";

    /// <summary>A RecordEvaluation for a version whose verdicts are already recorded.</summary>
    public const string AlreadyEvaluated = "already_evaluated";

    /// <summary>A RecordEvaluation whose results do not fit the version, its benchmarks or their own numbers.</summary>
    public const string EvaluationMismatch = "evaluation_mismatch";

    /// <summary>A RecordEvaluation made by another evaluator version than the chain's.</summary>
    public const string UnsupportedEvaluator = "unsupported_evaluator";

    /// <summary>A model the evaluator cannot run (malformed, unsupported, over a limit): nothing is committed.</summary>
    public const string InvalidModel = "invalid_model";

    /// <summary>A ReportConflictingEvaluation whose two statements are not of the same chain, artifact, benchmark and evaluator.</summary>
    public const string EvaluationsNotComparable = "evaluations_not_comparable";

    /// <summary>A ReportConflictingEvaluation whose two statements state the same result: no conflict.</summary>
    public const string EvaluationsAgree = "evaluations_agree";

    /// <summary>A ReportConflictingEvaluation whose statements are not in canonical order (lower result hash first).</summary>
    public const string EvidenceNotCanonical = "evidence_not_canonical";

    /// <summary>A ReportConflictingEvaluation whose statements are for another chain.</summary>
    public const string EvidenceWrongChain = "evidence_wrong_chain";

    /// <summary>A ReportConflictingEvaluation whose two signatures are not both valid by one key.</summary>
    public const string BadEvaluationSignature = "bad_evaluation_signature";

    /// <summary>A ReportConflictingEvaluation signed by a key that has no validator record in staking state.</summary>
    public const string UnknownValidator = "unknown_validator";

    /// <summary>A ReportConflictingEvaluation for a (validator, artifact, benchmark) already punished.</summary>
    public const string EvaluationAlreadyReported = "evaluation_already_reported";
}
