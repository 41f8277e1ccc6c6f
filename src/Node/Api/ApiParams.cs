namespace DaiChain.Node.Api;

/// <summary>Parameters of chain_getBlock and chain_getHeader: a height or a hash, or neither for the latest block.</summary>
internal sealed record BlockParams(ulong? Height, string? Hash);

/// <summary>Parameters of chain_getBlock: a height or a hash (or neither) and whether to include whole transactions.</summary>
internal sealed record FullBlockParams(ulong? Height, string? Hash, bool? Full);

/// <summary>Parameters of methods that take an optional height.</summary>
internal sealed record HeightParams(ulong? Height);

/// <summary>Parameters of tx_submit.</summary>
internal sealed record SubmitParams(string Tx, bool? Wait, int? TimeoutMs);

/// <summary>Parameters of tx_get.</summary>
internal sealed record HashParams(string Hash);

/// <summary>Parameters of account_get.</summary>
internal sealed record AccountParams(string Address, ulong? Height);

/// <summary>Parameters of state_getProof: a raw 32-byte state key or an account address, and an optional height.</summary>
internal sealed record ProofParams(string? Key, string? Address, ulong? Height);
