namespace DaiChain.Ledger.Chain;

/// <summary>
/// Hard limits of the chain format, enforced by every encoder and decoder. Consensus parameters may set lower
/// limits (<see cref="ConsensusParams"/>); nothing may exceed these.
/// </summary>
public static class ChainLimits
{
    /// <summary>Largest chain id in bytes (ASCII <c>[A-Za-z0-9._-]</c>).</summary>
    public const int MaxChainIdBytes = 64;

    /// <summary>Most validators in one set.</summary>
    public const int MaxValidators = 256;

    /// <summary>Largest total voting power: 2^60, so that 3 x total never overflows a 64-bit product.</summary>
    public const ulong MaxTotalVotingPower = 1UL << 60;

    /// <summary>Largest transaction payload.</summary>
    public const int MaxPayloadBytes = 128 * 1024;

    /// <summary>Largest encoded signed transaction: the payload plus the envelope and the 65-byte signature.</summary>
    public const int MaxTransactionBytes = MaxPayloadBytes + 256;

    /// <summary>Most transactions in one block.</summary>
    public const int MaxTransactionsPerBlock = 100_000;

    /// <summary>Most evidence items in one block.</summary>
    public const int MaxEvidencePerBlock = 64;

    /// <summary>Largest encoded block.</summary>
    public const int MaxBlockBytes = 64 * 1024 * 1024;

    /// <summary>Largest human-readable name (validator, node).</summary>
    public const int MaxNameBytes = 64;
}
