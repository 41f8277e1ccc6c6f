namespace DaiChain.Ledger.Transactions;

/// <summary>
/// Stable error codes of Ledger's transaction checks and handlers, as they appear in receipts, mempool
/// rejections and RPC errors. A code never changes meaning once released; add new ones instead.
/// </summary>
public static class ErrorCodes
{
    // Envelope and admission (mempool and block checks).
    public const string MalformedTransaction = "malformed_transaction";
    public const string TransactionTooLarge = "tx_too_large";
    public const string WrongChainId = "wrong_chain_id";
    public const string BadSignature = "bad_signature";
    public const string UnknownKind = "unknown_kind";
    public const string MalformedPayload = "malformed_payload";
    public const string Duplicate = "duplicate";
    public const string MempoolFull = "mempool_full";
    public const string SenderQueueFull = "sender_queue_full";
    public const string NonceTooLow = "nonce_too_low";
    public const string NonceTooHigh = "nonce_too_high";
    public const string NonceGapTooLarge = "nonce_gap_too_large";
    public const string NonceAlreadyPending = "nonce_already_pending";

    // Accounts and transfers.
    public const string InsufficientBalance = "insufficient_balance";
    public const string InvalidAmount = "invalid_amount";
    public const string BalanceOverflow = "balance_overflow";
    public const string MissingRole = "missing_role";

    // Staking.
    public const string NotAValidator = "not_a_validator";
    public const string InsufficientStake = "insufficient_stake";
    public const string ValidatorSetWouldEmpty = "validator_set_would_empty";
    public const string ValidatorJailed = "validator_jailed";
    public const string PowerLimitExceeded = "power_limit_exceeded";

    // Governance.
    public const string NotAuthorized = "not_authorized";
    public const string UnknownProposal = "unknown_proposal";
    public const string ProposalClosed = "proposal_closed";
    public const string AlreadyVoted = "already_voted";
    public const string TooManyProposals = "too_many_proposals";
    public const string InvalidProposal = "invalid_proposal";
    public const string UnknownRole = "unknown_role";
    public const string UnknownParameter = "unknown_parameter";
    public const string ParameterOutOfRange = "parameter_out_of_range";
    public const string ValidatorExists = "validator_exists";
    public const string UnknownValidator = "unknown_validator";
    public const string NodeExists = "node_exists";
    public const string UnknownNode = "unknown_node";
}
