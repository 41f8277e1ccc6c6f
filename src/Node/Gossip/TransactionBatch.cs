using DaiChain.Ledger.Chain;
using DaiChain.Ledger.Encoding;

namespace DaiChain.Node.Gossip;

/// <summary>
/// Transactions gossiped on the mempool channel: version <c>u8 = 1</c>, then
/// <c>list&lt;bytes&lt;MaxTransactionBytes&gt;, 10000&gt;</c> of signed transaction encodings.
/// </summary>
public static class TransactionBatch
{
    /// <summary>Most transactions in one message.</summary>
    public const int MaxTransactions = 10_000;

    private const byte Version1 = 1;

    public static byte[] Encode(IReadOnlyList<byte[]> transactions)
    {
        var size = 16 + transactions.Sum(t => t.Length + 4);
        var writer = new CanonicalWriter(size);
        try
        {
            writer.WriteByte(Version1);
            writer.WriteList(transactions, MaxTransactions, static (ref CanonicalWriter w, byte[] t) => w.WriteBytes(t, ChainLimits.MaxTransactionBytes));
            return writer.ToArray();
        }
        finally
        {
            writer.Dispose();
        }
    }

    /// <exception cref="CodecException">Not a transaction batch.</exception>
    public static byte[][] Decode(ReadOnlySpan<byte> bytes)
    {
        var reader = new CanonicalReader(bytes);
        _ = reader.ReadVersion("tx_batch.version", Version1);
        var transactions = reader.ReadList("tx_batch.transactions", MaxTransactions, static (ref CanonicalReader r) => r.ReadBytes("tx_batch.transaction", ChainLimits.MaxTransactionBytes));
        reader.EnsureEnd("tx_batch");
        return transactions;
    }
}
