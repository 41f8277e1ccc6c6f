using DaiChain.Ledger.Primitives;
using DaiChain.ModelRegistry.Inference;
using DaiChain.ModelRegistry.State;
using DaiChain.ModelRegistry.Transactions;
using DaiChain.RegistryTestKit;
using DaiChain.TestKit;

namespace DaiChain.ModelRegistry.Tests.Transactions;

public sealed class InferenceTransactionsTests
{
    private static readonly Hash256 Model = Samples.ModelId(Actors.Alice.Address);
    private static readonly Hash256 Version = Samples.VersionId(Model, "1.0.0");

    private static RegistryChain WithVersion()
    {
        var chain = new RegistryChain();
        chain.Commit(chain.Tx(Actors.Alice, Samples.Model()), chain.Tx(Actors.Alice, Samples.Version(Model, "1.0.0")));
        return chain;
    }

    internal static ReceiptBatch Receipts(string chainId, Hash256 version, int count, int seed)
    {
        var random = new Random(seed);
        var consumers = Enumerable.Range(0, 4).Select(i => Keys.Account(20 + i).Signer()).ToArray();
        var receipts = Enumerable.Range(0, count).Select(i =>
            InferenceReceipt.Sign(consumers[i % consumers.Length], chainId, version, Actors.Provider.Address, random.NextHash(), random.NextHash(), 1_767_225_600_000UL + (ulong)i)).ToList();
        return new ReceiptBatch(version, Actors.Provider.Address, receipts);
    }

    [Fact]
    public void A_batch_records_count_and_root_and_every_receipt_is_provable_against_it()
    {
        var chain = WithVersion();
        var batch = Receipts(chain.ChainId, Version, 37, seed: 5);
        var file = batch.Encode();
        var tx = chain.Tx(Actors.Provider, new RecordInferenceBatchPayload(Version, (ulong)batch.Count, batch.Root(), Hash256.Compute(file)));
        chain.Commit(tx);

        var record = RegistryState.GetBatch(chain.Chain.Head.State, tx.Hash)!;
        Assert.Equal(37UL, record.ReceiptCount);
        Assert.Equal(batch.Root(), record.ReceiptsRoot);
        Assert.Equal(Actors.Provider.Address, record.Provider);
        Assert.Equal(new ModelRegistry.Records.VersionUsage(1, 37, chain.Height), RegistryState.GetUsage(chain.Chain.Head.State, Version));

        var decoded = Ledger.Encoding.Canonical.Decode<ReceiptBatch>(file);
        for (var i = 0; i < decoded.Count; i++)
        {
            var proof = decoded.Prove(i);
            Assert.True(proof.Verify(record.ReceiptsRoot), $"receipt {i}");
            Assert.True(proof.Receipt.VerifyConsumer(chain.ChainId));
            Assert.False(proof.Verify(Hash256.Compute("other root"u8)));
            Assert.False((proof with { Index = (i + 1) % decoded.Count }).Verify(record.ReceiptsRoot));
        }
    }

    [Fact]
    public void A_receipt_signed_for_another_chain_or_version_does_not_verify()
    {
        var receipt = InferenceReceipt.Sign(Keys.Account(20).Signer(), "daichain-test", Version, Actors.Provider.Address, Hash256.Compute("q"u8), Hash256.Compute("a"u8), 1);
        Assert.True(receipt.VerifyConsumer("daichain-test"));
        Assert.False(receipt.VerifyConsumer("daichain-other"));
        var moved = new InferenceReceipt(Samples.VersionId(Model, "9.9.9"), receipt.Provider, receipt.RequestHash, receipt.ResponseHash, receipt.Consumer, receipt.TimeMs, receipt.ConsumerSignature);
        Assert.False(moved.VerifyConsumer("daichain-test"));
    }

    [Fact]
    public void Batches_need_the_provider_role_a_known_version_and_a_sane_count()
    {
        var chain = WithVersion();
        chain.Rejects(chain.Tx(Actors.Alice, new RecordInferenceBatchPayload(Version, 10, Hash256.Compute("r"u8), default)), RegistryErrorCodes.MissingRole, Actors.Alice);
        chain.Rejects(chain.Tx(Actors.Provider, new RecordInferenceBatchPayload(Hash256.Compute("v"u8), 10, Hash256.Compute("r"u8), default)), RegistryErrorCodes.UnknownVersion, Actors.Provider);
        chain.Rejects(chain.Tx(Actors.Provider, new RecordInferenceBatchPayload(Version, 0, Hash256.Compute("r"u8), default)), RegistryErrorCodes.InvalidReceipts, Actors.Provider);
        chain.Rejects(chain.Tx(Actors.Provider, new RecordInferenceBatchPayload(Version, 1_000_001, Hash256.Compute("r"u8), default)), RegistryErrorCodes.InvalidReceipts, Actors.Provider);
        chain.Rejects(chain.Tx(Actors.Provider, new RecordInferenceBatchPayload(Version, 5, Hash256.Zero, default)), RegistryErrorCodes.InvalidReceipts, Actors.Provider);
    }

    [Fact]
    public void A_single_receipt_is_recorded_whole_after_its_consumer_signature_is_checked()
    {
        var chain = WithVersion();
        var consumer = Actors.Consumer.Signer();
        var good = InferenceReceipt.Sign(consumer, chain.ChainId, Version, Actors.Provider.Address, Hash256.Compute("q"u8), Hash256.Compute("a"u8), 42);
        var tx = chain.Tx(Actors.Provider, new RecordInferenceReceiptPayload(good));
        chain.Commit(tx);
        var record = RegistryState.GetBatch(chain.Chain.Head.State, tx.Hash)!;
        Assert.Equal(1UL, record.ReceiptCount);
        Assert.Equal(good.Hash, record.Receipt!.Hash);
        Assert.True(new ReceiptProof(record.Receipt, 0, 1, []).Verify(record.ReceiptsRoot));

        var wrongChain = InferenceReceipt.Sign(consumer, "daichain-other", Version, Actors.Provider.Address, Hash256.Compute("q"u8), Hash256.Compute("a"u8), 43);
        chain.Rejects(chain.Tx(Actors.Provider, new RecordInferenceReceiptPayload(wrongChain)), RegistryErrorCodes.BadReceiptSignature, Actors.Provider);
        var forged = new InferenceReceipt(Version, Actors.Provider.Address, Hash256.Compute("q"u8), Hash256.Compute("a"u8), Keys.Account(30).Address, 44, good.ConsumerSignature);
        chain.Rejects(chain.Tx(Actors.Provider, new RecordInferenceReceiptPayload(forged)), RegistryErrorCodes.BadReceiptSignature, Actors.Provider);
        var otherProvider = InferenceReceipt.Sign(consumer, chain.ChainId, Version, Actors.Carol.Address, Hash256.Compute("q"u8), Hash256.Compute("a"u8), 45);
        chain.Rejects(chain.Tx(Actors.Provider, new RecordInferenceReceiptPayload(otherProvider)), RegistryErrorCodes.InvalidReceipts, Actors.Provider);
        var usage = RegistryState.GetUsage(chain.Chain.Head.State, Version);
        Assert.Equal((1UL, 1UL), (usage.Batches, usage.Receipts));
    }

    [Fact]
    public void The_receipts_file_round_trips_and_rejects_a_receipt_of_another_version()
    {
        var batch = Receipts("daichain-test", Version, 5, seed: 9);
        var bytes = batch.Encode();
        var decoded = Ledger.Encoding.Canonical.Decode<ReceiptBatch>(bytes);
        Assert.Equal(batch.Root(), decoded.Root());
        Assert.Equal(bytes, decoded.Encode());
        var foreign = Receipts("daichain-test", Samples.VersionId(Model, "2.0.0"), 1, seed: 1).Receipts[0];
        Assert.Throws<ArgumentException>(() => new ReceiptBatch(Version, Actors.Provider.Address, [.. batch.Receipts, foreign]));
    }
}
