namespace DaiChain.Node.Api;

/// <summary>A transaction; committed ones carry their place, receipt and inclusion proof.</summary>
internal sealed record TransactionView(
    string Hash,
    string Status,
    ulong? Height,
    int? Index,
    string? BlockHash,
    string? Sender,
    ulong Nonce,
    ushort Kind,
    string KindName,
    string Payload,
    TransferView? Transfer,
    ReceiptView? Receipt,
    InclusionProofView? Proof,
    string Raw);

/// <summary>The decoded payload of a transfer.</summary>
internal sealed record TransferView(string To, ulong Amount, string Memo);

/// <summary>What executing a transaction did.</summary>
internal sealed record ReceiptView(bool Success, string? Code, string? Message, IReadOnlyList<EventView> Events);

/// <summary>One receipt event.</summary>
internal sealed record EventView(string Type, IReadOnlyDictionary<string, string> Attributes);

/// <summary>
/// The transaction's leaf in the block's transactions root (RFC 6962 shape, docs/spec/chain-format.md): verify
/// the path from the transaction hash at <see cref="Index"/> of <see cref="Count"/> to <see cref="TransactionsRoot"/>.
/// </summary>
internal sealed record InclusionProofView(string TransactionsRoot, int Index, int Count, IReadOnlyList<string> Path);

/// <summary>The answer to tx_submit.</summary>
internal sealed record SubmitResultView(string Hash, string Status, ulong? Height, int? Index, bool? Success, string? Code, string? Message);
