namespace DaiChain.Node.Api;

/// <summary>A block header as RPC returns it (also the payload of newBlocks events).</summary>
internal sealed record HeaderView(
    string ChainId,
    ulong Height,
    string Hash,
    long TimeMs,
    string Time,
    string PreviousBlockHash,
    string LastCommitHash,
    string TransactionsRoot,
    string ReceiptsRoot,
    string StateRoot,
    string ValidatorsHash,
    string NextValidatorsHash,
    string EvidenceHash,
    string Proposer,
    int TransactionCount);

/// <summary>A block: header, transactions (hashes, or whole with <c>full</c>), last commit and evidence hashes.</summary>
internal sealed record BlockView(
    HeaderView Header,
    IReadOnlyList<string> TransactionHashes,
    IReadOnlyList<TransactionView>? Transactions,
    CommitView? LastCommit,
    IReadOnlyList<string> Evidence,
    int SizeBytes);

/// <summary>A commit certificate.</summary>
internal sealed record CommitView(ulong Height, uint Round, string BlockHash, IReadOnlyList<CommitSignatureView> Signatures);

/// <summary>One precommit in a certificate.</summary>
internal sealed record CommitSignatureView(int ValidatorIndex, string Validator, long TimestampMs, string Signature);

/// <summary>The validator set of a height.</summary>
internal sealed record ValidatorSetView(ulong Height, string Hash, ulong TotalPower, IReadOnlyList<ValidatorView> Validators);

/// <summary>One validator.</summary>
internal sealed record ValidatorView(int Index, string Address, string PublicKey, ulong Power);

/// <summary>An account at a height.</summary>
internal sealed record AccountView(string Address, ulong Height, ulong Nonce, ulong Balance, IReadOnlyList<string> Roles);

/// <summary>A state value or its absence, with the Merkle proof against the state root of a header.</summary>
internal sealed record StateProofView(
    ulong Height,
    string StateRoot,
    string Key,
    bool Present,
    string? Value,
    string? ValueHash,
    string? LeafKey,
    string? LeafValueHash,
    IReadOnlyList<string> Siblings,
    string Proof);
