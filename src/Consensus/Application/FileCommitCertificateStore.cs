using DaiChain.Consensus.Wal;
using DaiChain.Ledger.Chain;
using DaiChain.Ledger.Encoding;

namespace DaiChain.Consensus.Application;

/// <summary><see cref="ICommitCertificateStore"/> in a <see cref="SlotFile"/> whose slots hold the largest certificate.</summary>
public sealed class FileCommitCertificateStore : ICommitCertificateStore, IDisposable
{
    // Version, height, round, hash, list length, then per signature at most 2 + 8 + 65 bytes.
    private const int MaxCertificateBytes = 64 + (ChainLimits.MaxValidators * 80);

    private readonly SlotFile _file;

    public FileCommitCertificateStore(string path)
    {
        _file = new SlotFile(path, MaxCertificateBytes + 64);
    }

    public CommitCertificate? Load() => _file.Read() is { } bytes ? Canonical.Decode<CommitCertificate>(bytes) : null;

    public void Save(CommitCertificate certificate) => _file.Write(Canonical.Encode(certificate));

    public void Dispose() => _file.Dispose();
}
