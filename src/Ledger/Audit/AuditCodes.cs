namespace DaiChain.Ledger.Audit;

/// <summary>
/// Stable codes of the discrepancies an audit reports (besides the block rejection codes of
/// <see cref="Execution.BlockExecutor"/> and <see cref="Chain.CommitCertificate"/>, which pass through unchanged).
/// </summary>
public static class AuditCodes
{
    /// <summary>The data was created for another genesis (hash or chain id differ from the auditor's genesis.json).</summary>
    public const string GenesisMismatch = "genesis_mismatch";

    /// <summary>The source says it holds a height but has no block there.</summary>
    public const string BlockMissing = "block_missing";

    /// <summary>The stored bytes are not a canonical block.</summary>
    public const string BlockUndecodable = "block_undecodable";

    /// <summary>Reading the source failed (a damaged database: RocksDB reports a checksum mismatch, or a transport error).</summary>
    public const string SourceUnreadable = "source_unreadable";

    /// <summary>The block stored at a height says it is another height.</summary>
    public const string WrongHeight = "block_wrong_height";

    public const string WrongChain = "block_wrong_chain";

    /// <summary>The header's previous block hash is not the hash of the block before it.</summary>
    public const string BrokenLink = "block_wrong_previous";

    public const string TimeNotIncreasing = "block_time_not_increasing";

    /// <summary>The header's validators hash is not the hash of the set that must sign that height.</summary>
    public const string WrongValidators = "block_wrong_validators";

    /// <summary>The header's next validators hash is not the hash of the set of the next height.</summary>
    public const string WrongNextValidators = "block_wrong_next_validators";

    public const string ProposerNotValidator = "block_proposer_not_validator";

    /// <summary>No commit certificate is available for a block that a later block builds on.</summary>
    public const string CertificateMissing = "certificate_missing";

    /// <summary>The certificate commits another height or another block.</summary>
    public const string CertificateWrongBlock = "certificate_wrong_block";

    /// <summary>The source has no validator set for a height, or one whose hash the header does not commit to.</summary>
    public const string ValidatorSetUnavailable = "validator_set_unavailable";

    /// <summary>The stored receipts are missing or do not decode.</summary>
    public const string ReceiptsUnavailable = "receipts_unavailable";

    /// <summary>A stored receipt differs from the one re-execution produced.</summary>
    public const string ReceiptMismatch = "receipt_mismatch";

    /// <summary>The stored receipts do not hash to the header's receipts root (checked without re-execution).</summary>
    public const string ReceiptsRootMismatch = "receipts_root_mismatch";

    /// <summary>A stored versioned state value differs from what re-execution wrote.</summary>
    public const string StoredValueMismatch = "stored_state_value_mismatch";

    /// <summary>A stored state tree node differs from (or lacks) the node re-execution wrote.</summary>
    public const string StoredNodeMismatch = "stored_tree_node_mismatch";

    /// <summary>The stored state root of a version differs from re-execution's.</summary>
    public const string StoredRootMismatch = "stored_state_root_mismatch";

    /// <summary>The node's current state (its latest values) differs from the state re-execution reached.</summary>
    public const string StoredLatestMismatch = "stored_latest_state_mismatch";

    /// <summary>The stored validator set of a height differs from the one re-execution computed.</summary>
    public const string StoredValidatorSetMismatch = "stored_validator_set_mismatch";

    /// <summary>The block-hash or transaction index points somewhere else than the block it indexes.</summary>
    public const string StoredIndexMismatch = "stored_index_mismatch";
}
