using System.Buffers.Binary;
using DaiChain.Ledger.Chain;
using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Storage;

namespace DaiChain.Node.Chain;

/// <summary>
/// Commit certificates by height, in their own column family of the chain database. Block H's certificate is
/// otherwise only inside block H + 1, so the certificate of the newest block (which a syncing peer needs) lives here.
/// </summary>
/// <remarks>
/// A certificate is written, unsynced, just before its block's synced commit batch: RocksDB's log is sequential,
/// so the block's sync makes the certificate durable too, and a crash in between leaves a certificate without
/// its block (harmless; it is overwritten), never a block without its certificate.
/// </remarks>
public sealed class CertificateStore
{
    /// <summary>The column family, opened together with the chain's.</summary>
    public static ColumnFamily Column { get; } = new("node_certificates");

    private readonly IKeyValueStore _store;

    public CertificateStore(IKeyValueStore store)
    {
        _store = store;
    }

    public void Save(CommitCertificate certificate)
    {
        var batch = new WriteBatch();
        batch.Put(Column, Key(certificate.Height), Canonical.Encode(certificate));
        _store.Write(batch, sync: false);
    }

    public CommitCertificate? Load(ulong height) =>
        _store.TryGet(Column, Key(height), out var bytes) ? Canonical.Decode<CommitCertificate>(bytes) : null;

    private static byte[] Key(ulong height)
    {
        var key = new byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(key, height);
        return key;
    }
}
