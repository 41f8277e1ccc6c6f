namespace DaiChain.ModelRegistry.Queries;

/// <summary>An inference receipt: what the consumer signed, the signature, whether it verifies, and its leaf hash.</summary>
public sealed record ReceiptView(
    string Hash,
    string Version,
    string Provider,
    string RequestHash,
    string ResponseHash,
    string Consumer,
    ulong TimeMs,
    string ConsumerSignature,
    bool ConsumerSignatureValid);
