namespace DaiChain.Ledger.Crypto;

/// <summary>
/// What a signature is for. Each domain has its own ASCII tag in the signed digest (<see cref="SignBytes"/>), so
/// a signature made for one purpose never verifies as another (a transaction as a vote, a vote as a handshake).
/// </summary>
/// <remarks>The numeric values are stable identifiers; add new domains at the end with a new tag.</remarks>
public enum SigningDomain : byte
{
    /// <summary>A transaction: tag <c>daichain/tx/v1</c>.</summary>
    Transaction = 1,

    /// <summary>A consensus prevote or precommit: tag <c>daichain/vote/v1</c>.</summary>
    Vote = 2,

    /// <summary>A block proposal: tag <c>daichain/proposal/v1</c>.</summary>
    Proposal = 3,

    /// <summary>The P2P authenticated handshake: tag <c>daichain/handshake/v1</c>.</summary>
    Handshake = 4,

    /// <summary>A validator's model evaluation result: tag <c>daichain/evaluation/v1</c>.</summary>
    Evaluation = 5,

    /// <summary>A provider's or consumer's inference receipt: tag <c>daichain/inference-receipt/v1</c>.</summary>
    InferenceReceipt = 6,

    /// <summary>Evidence of misbehaviour submitted by a node: tag <c>daichain/evidence/v1</c>.</summary>
    Evidence = 7,
}
