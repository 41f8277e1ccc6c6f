using DaiChain.Ledger.Chain;

namespace DaiChain.Consensus.Application;

/// <summary>
/// Keeps the certificate of the newest committed block (the chain holds every other one as the next block's last
/// commit): the next proposal needs it, and so does a peer catching up to the head.
/// </summary>
public interface ICommitCertificateStore
{
    /// <summary>The last saved certificate, or null.</summary>
    CommitCertificate? Load();

    /// <summary>Saves <paramref name="certificate"/>; durable on return.</summary>
    void Save(CommitCertificate certificate);
}
