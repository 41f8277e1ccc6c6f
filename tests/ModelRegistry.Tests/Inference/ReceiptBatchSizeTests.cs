using DaiChain.ModelRegistry.Inference;
using DaiChain.RegistryTestKit;
using DaiChain.TestKit;

namespace DaiChain.ModelRegistry.Tests.Inference;

/// <summary>The size bound a node applies before reading a receipts file is tight: the longest file of N receipts meets it exactly.</summary>
public sealed class ReceiptBatchSizeTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(127)]
    [InlineData(128)]
    public void The_longest_batch_file_of_n_receipts_is_exactly_the_bound_and_a_typical_one_is_below(int count)
    {
        var random = new Random(count);
        var version = random.NextHash();
        var consumer = Actors.Consumer.Signer();
        InferenceReceipt Receipt(ulong timeMs) =>
            InferenceReceipt.Sign(consumer, "daichain-test", version, Actors.Provider.Address, random.NextHash(), random.NextHash(), timeMs);

        var longest = new ReceiptBatch(version, Actors.Provider.Address, [.. Enumerable.Range(0, count).Select(_ => Receipt(ulong.MaxValue))]);
        var typical = new ReceiptBatch(version, Actors.Provider.Address, [.. Enumerable.Range(0, count).Select(i => Receipt(1_767_225_600_000UL + (ulong)i))]);

        // The bound counts the receipt count as a 10-byte varint; the real one takes 1 or 2 bytes here.
        var countBytes = count < 128 ? 1 : 2;
        Assert.Equal(ReceiptBatch.MaxEncodedBytes((ulong)count) - (10 - countBytes), longest.Encode().Length);
        Assert.True(typical.Encode().Length < ReceiptBatch.MaxEncodedBytes((ulong)count));
        Assert.Equal(ReceiptBatch.MaxEncodedBytes(RegistryLimits.MaxReceiptsPerBatch), ReceiptBatch.MaxEncodedBytes(ulong.MaxValue));
    }
}
