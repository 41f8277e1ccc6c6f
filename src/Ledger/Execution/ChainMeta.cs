using DaiChain.Ledger.Chain;
using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Primitives;

namespace DaiChain.Ledger.Execution;

/// <summary>What a chain database was created for: chain id, genesis time and hash, consensus parameters.</summary>
/// <remarks>
/// Encoding: version <c>u8 = 1</c>, chain id <c>string&lt;64&gt;</c>, genesis time <c>i64</c>, genesis hash, then
/// the ten consensus parameters as <c>varuint</c> in the order of <see cref="ConsensusParams"/>.
/// </remarks>
public sealed record ChainMeta(string ChainId, long GenesisTimeMs, Hash256 GenesisHash, ConsensusParams ConsensusParams) : ICanonicalEncodable<ChainMeta>
{
    private const byte Version1 = 1;

    public void Encode(ref CanonicalWriter writer)
    {
        writer.WriteByte(Version1);
        writer.WriteString(ChainId, ChainLimits.MaxChainIdBytes);
        writer.WriteInt64(GenesisTimeMs);
        writer.WriteHash(GenesisHash);
        var c = ConsensusParams;
        foreach (var value in new[] { c.MaxBlockBytes, c.MaxBlockTransactions, c.MaxBlockEvidence, c.ProposeTimeoutMs, c.ProposeTimeoutDeltaMs, c.PrevoteTimeoutMs, c.PrevoteTimeoutDeltaMs, c.PrecommitTimeoutMs, c.PrecommitTimeoutDeltaMs, c.CommitTimeoutMs })
        {
            writer.WriteVarUInt((ulong)value);
        }
    }

    public static ChainMeta Decode(ref CanonicalReader reader)
    {
        _ = reader.ReadVersion("meta.version", Version1);
        var chainId = reader.ReadString("meta.chain_id", ChainLimits.MaxChainIdBytes);
        var time = reader.ReadInt64("meta.genesis_time");
        var hash = reader.ReadHash("meta.genesis_hash");
        int Next(ref CanonicalReader r) => r.ReadVarInt32("meta.consensus");
        var consensus = new ConsensusParams
        {
            MaxBlockBytes = Next(ref reader),
            MaxBlockTransactions = Next(ref reader),
            MaxBlockEvidence = Next(ref reader),
            ProposeTimeoutMs = Next(ref reader),
            ProposeTimeoutDeltaMs = Next(ref reader),
            PrevoteTimeoutMs = Next(ref reader),
            PrevoteTimeoutDeltaMs = Next(ref reader),
            PrecommitTimeoutMs = Next(ref reader),
            PrecommitTimeoutDeltaMs = Next(ref reader),
            CommitTimeoutMs = Next(ref reader),
        };
        return new ChainMeta(chainId, time, hash, consensus);
    }
}
