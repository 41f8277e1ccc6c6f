namespace DaiChain.Node.Registry;

/// <summary>
/// A registry event as <c>registryEvents</c> subscribers receive it: the event type (<c>registry.version_registered</c>),
/// the block height, the transaction (null for block events such as epoch rewards) and the event's attributes.
/// </summary>
public sealed record RegistryEventView(string Type, ulong Height, string? Transaction, IReadOnlyDictionary<string, string> Attributes);
