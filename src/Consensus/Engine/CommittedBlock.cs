using DaiChain.Ledger.Chain;

namespace DaiChain.Consensus.Engine;

/// <summary>A committed block's bytes and the certificate that committed it.</summary>
public sealed record CommittedBlock(byte[] Block, CommitCertificate Certificate);
