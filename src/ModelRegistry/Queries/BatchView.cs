namespace DaiChain.ModelRegistry.Queries;

/// <summary>A recorded inference batch (a single receipt is a batch of one, with the receipt inline).</summary>
public sealed record BatchView(
    string Id,
    string Version,
    string Provider,
    ulong ReceiptCount,
    string ReceiptsRoot,
    string? ReceiptsArtifact,
    ulong Height,
    ulong Epoch,
    ReceiptView? Receipt);
