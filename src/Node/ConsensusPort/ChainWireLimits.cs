using DaiChain.Ledger.Chain;

namespace DaiChain.Node.ConsensusPort;

/// <summary>
/// The largest block-carrying messages of a chain (a proposal, a catch-up commit, a block sync answer), derived from
/// its consensus parameters so that a block of the largest size the chain accepts can always travel.
/// </summary>
/// <remarks>
/// A valid block's transactions count at most <see cref="ConsensusParams.MaxBlockBytes"/>, each counted as its
/// encoding plus 8 bytes, which covers its length prefix. Around them a block carries its header, the previous commit
/// (at most <see cref="ChainLimits.MaxValidators"/> signatures) and at most <see cref="ChainLimits.MaxEvidencePerBlock"/>
/// evidence items: <see cref="BlockOverheadBytes"/> bounds these with room to spare (a test encodes the worst case).
/// No block decodes above <see cref="ChainLimits.MaxBlockBytes"/>, so the bound stops there. What a message adds
/// around the block (its kind, a signed proposal or a commit certificate of every validator) fits in
/// <see cref="EnvelopeBytes"/>. The limits follow from the genesis parameters, which never change, so every node of
/// a chain derives the same ones and any genesis that passes <see cref="ConsensusParams.FindProblems"/> fits.
/// </remarks>
public static class ChainWireLimits
{
    /// <summary>Bytes a block may need beyond its transactions: header, last commit and evidence.</summary>
    public const int BlockOverheadBytes = 256 * 1024;

    /// <summary>Bytes a message may add around a block: kind, signed proposal or commit certificate.</summary>
    public const int EnvelopeBytes = 64 * 1024;

    /// <summary>The largest block-carrying message any chain can need: the largest decodable block and its envelope.</summary>
    public const int MaxMessageBytesAnyChain = ChainLimits.MaxBlockBytes + EnvelopeBytes;

    /// <summary>The largest encoding of a block this chain accepts.</summary>
    public static int MaxBlockEncodingBytes(ConsensusParams parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return (int)Math.Min((long)parameters.MaxBlockBytes + BlockOverheadBytes, ChainLimits.MaxBlockBytes);
    }

    /// <summary>The largest consensus or block sync message this chain needs: its largest block and an envelope.</summary>
    public static int MaxBlockMessageBytes(ConsensusParams parameters) => MaxBlockEncodingBytes(parameters) + EnvelopeBytes;
}
