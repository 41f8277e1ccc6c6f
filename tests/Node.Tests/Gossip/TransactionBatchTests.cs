using DaiChain.Ledger.Encoding;
using DaiChain.Node.Gossip;
using DaiChain.TestKit;

namespace DaiChain.Node.Tests.Gossip;

public sealed class TransactionBatchTests
{
    [Fact]
    public void A_batch_round_trips_in_order()
    {
        var transactions = Enumerable.Range(0, 3).Select(i => Build.A.Transfer.Nonce((ulong)i).Signed().Encoded.ToArray()).ToList();

        var decoded = TransactionBatch.Decode(TransactionBatch.Encode(transactions));

        Assert.Equal(transactions, decoded);
        Assert.Empty(TransactionBatch.Decode(TransactionBatch.Encode([])));
    }

    [Fact]
    public void Garbage_is_not_a_batch() =>
        Assert.Throws<CodecException>(() => TransactionBatch.Decode([1, 0xff, 0xff, 0xff]));
}
