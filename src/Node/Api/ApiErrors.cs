namespace DaiChain.Node.Api;

/// <summary>
/// Error codes of the node and chain methods (-32020..-32059, docs/spec/rpc.md). A code never changes meaning;
/// each has one reason string.
/// </summary>
public static class ApiErrors
{
    /// <summary>No such block, transaction or certificate (yet).</summary>
    public const int NotFound = -32020;

    /// <summary>The mempool refused the transaction; <c>data.code</c> is the ledger's reason (<c>nonce_too_low</c>...).</summary>
    public const int TransactionRejected = -32021;

    /// <summary>The state of that height is not kept any more (pruned) or not committed yet.</summary>
    public const int StateUnavailable = -32022;

    /// <summary>The transaction was accepted but did not commit within the wait; it may still commit.</summary>
    public const int CommitTimeout = -32023;

    /// <summary>The transaction was accepted but the mempool dropped it before it committed.</summary>
    public const int TransactionDropped = -32024;

    /// <summary>The node already waits on as many transactions as it allows; submit without waiting or retry.</summary>
    public const int TooManyWaiters = -32025;

    public const string NotFoundReason = "not_found";
    public const string TransactionRejectedReason = "tx_rejected";
    public const string StateUnavailableReason = "state_unavailable";
    public const string CommitTimeoutReason = "commit_timeout";
    public const string TransactionDroppedReason = "tx_dropped";
    public const string TooManyWaitersReason = "too_many_waiters";
}
