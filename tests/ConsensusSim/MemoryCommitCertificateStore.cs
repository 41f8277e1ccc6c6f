using DaiChain.Consensus.Application;
using DaiChain.Ledger.Chain;

namespace DaiChain.ConsensusSim;

/// <summary>An in-memory <see cref="ICommitCertificateStore"/> that survives simulated crashes.</summary>
public sealed class MemoryCommitCertificateStore : ICommitCertificateStore
{
    private CommitCertificate? _certificate;

    public CommitCertificate? Load() => _certificate;

    public void Save(CommitCertificate certificate) => _certificate = certificate;
}
