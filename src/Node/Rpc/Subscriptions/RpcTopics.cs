using DaiChain.Node.Rpc.Schema;

namespace DaiChain.Node.Rpc.Subscriptions;

/// <summary>The node's subscription topics (docs/spec/rpc.md, "Subscriptions").</summary>
public static class RpcTopics
{
    /// <summary>Every committed block; no filter. Publish with key null.</summary>
    public static RpcTopic NewBlocks { get; } = new(
        "newBlocks",
        "Each block as it is committed (its header summary).",
        payloadSchema: RpcSchema.Any("The committed block's header summary, as returned by chain_getHeader."));

    /// <summary>
    /// Committed transactions that involve an account; the subscriber must give <c>address</c>. Publish once
    /// per involved account with that address (any case) as the key.
    /// </summary>
    public static RpcTopic AccountTransactions { get; } = new(
        "accountTransactions",
        "Committed transactions sent by or to one account.",
        keyName: "address",
        keySchema: RpcSchema.Address("The account, as 0x and 40 hex digits."),
        keyRequired: true,
        payloadSchema: RpcSchema.Any("The committed transaction with its receipt, as returned by tx_get."),
        normalizeKey: static k => k.ToLowerInvariant());

    /// <summary>
    /// Model-registry events (versions registered, stages changed, evaluations recorded); the subscriber may
    /// give <c>model</c> to receive one model's events only. Publish with the model id as the key.
    /// </summary>
    public static RpcTopic RegistryEvents { get; } = new(
        "registryEvents",
        "Model-registry events, optionally for one model.",
        keyName: "model",
        keySchema: RpcSchema.String(minLength: 1, maxLength: 128, description: "A model id (0x and 64 hex digits, any case)."),
        payloadSchema: RpcSchema.Any("The registry event: {type, height, transaction, attributes}."),
        normalizeKey: static k => k.ToLowerInvariant());

    public static IReadOnlyList<RpcTopic> All { get; } = [NewBlocks, AccountTransactions, RegistryEvents];
}
