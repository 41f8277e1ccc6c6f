using System.Text.Json.Nodes;
using DaiChain.Node.Rpc;

namespace DaiChain.Node.Registry;

/// <summary>The registry methods' error codes, in the registry's range -32060..-32099 (docs/spec/rpc.md). Each code has one reason.</summary>
public static class RegistryRpcErrors
{
    /// <summary>No such model, version, dataset, benchmark, round, batch or alias; <c>data.kind</c> says which.</summary>
    public const int NotFound = -32060;

    /// <summary>The requested height has no committed state here (no block yet, beyond the head, or pruned).</summary>
    public const int HeightUnavailable = -32061;

    /// <summary>This node does not hold the receipts file of the batch (never deposited, or erased).</summary>
    public const int ReceiptsNotHeld = -32062;

    /// <summary>The receipts file this node holds does not match the batch's count and root.</summary>
    public const int ReceiptsMismatch = -32063;

    /// <summary>The receipt index is not within the batch.</summary>
    public const int ReceiptOutOfRange = -32064;

    public const string NotFoundReason = "not_found";
    public const string HeightUnavailableReason = "height_unavailable";
    public const string ReceiptsNotHeldReason = "receipts_not_held";
    public const string ReceiptsMismatchReason = "receipts_mismatch";
    public const string ReceiptOutOfRangeReason = "receipt_out_of_range";

    public static RpcException Missing(string kind, string id, string hint) =>
        new(NotFound, NotFoundReason, $"no {kind} {id} is registered{hint}", new JsonObject { ["kind"] = kind, ["id"] = id });

    public static RpcException NoHeight(ulong? height, ulong head) =>
        new(HeightUnavailable, HeightUnavailableReason, height is { } h
            ? $"height {h} has no committed state on this node (the head is {head}; old heights may be pruned)"
            : "no block is committed yet; a provenance report is proven against a committed header, retry after the first block",
            new JsonObject { ["head"] = head });
}
