using DaiChain.Ledger.Primitives;
using DaiChain.Ledger.Transactions;
using DaiChain.ModelRegistry.Inference;
using DaiChain.ModelRegistry.Records;
using DaiChain.ModelRegistry.Transactions;
using DaiChain.TestKit;

namespace DaiChain.RegistryTestKit;

/// <summary>
/// The README's story committed block by block: a dataset and a benchmark, a model, two contributions, version
/// 1.0.0 and version 1.1.0 derived from it (citing the dataset, the contributions and the benchmark), 1.1.0 put in
/// production and aliased <c>champion</c>, then a batch of 25 inference receipts and one single receipt for it.
/// </summary>
public sealed class ProvenanceScenario
{
    public required RegistryChain Chain { get; init; }

    public required Hash256 Model { get; init; }

    public required Hash256 V1 { get; init; }

    public required Hash256 V2 { get; init; }

    public required Hash256 Dataset { get; init; }

    public required IReadOnlyList<Hash256> Contributions { get; init; }

    public required Hash256 Batch { get; init; }

    public required ReceiptBatch Receipts { get; init; }

    public required SignedTransaction SingleReceipt { get; init; }

    public static ProvenanceScenario Build(RegistryChain? chain = null)
    {
        chain ??= new RegistryChain();
        var dataset = Samples.Dataset();
        var model = Samples.ModelId(Actors.Alice.Address);
        chain.Commit(chain.Tx(Actors.Carol, dataset), chain.Tx(Actors.Alice, Samples.Model()));
        chain.Commit(chain.Tx(Actors.Curator, Samples.Benchmark(dataset.Hash)));
        var carol = chain.Tx(Actors.Carol, Samples.Contribution(model, Actors.Carol.Address, samples: 60_000, compute: 0));
        var bob = chain.Tx(Actors.Bob, Samples.Contribution(model, Actors.Bob.Address, samples: 0, compute: 1_200));
        chain.Commit(carol, bob, chain.Tx(Actors.Alice, Samples.Version(model, "1.0.0")));
        var v1 = Samples.VersionId(model, "1.0.0");
        var v2 = Samples.VersionId(model, "1.1.0");
        chain.Commit(chain.Tx(Actors.Alice, Samples.Version(model, "1.1.0", v1) with
        {
            Datasets = [dataset.Hash],
            Contributions = [carol.Hash, bob.Hash],
            Benchmarks = ["mnist-accuracy"],
        }));
        chain.Commit(
            chain.Tx(Actors.Alice, new SetVersionStagePayload(v2, VersionStage.Production, "rolled out")),
            chain.Tx(Actors.Alice, new SetAliasPayload(model, "champion", v2)));

        var random = new Random(7);
        var consumers = Enumerable.Range(0, 5).Select(i => Keys.Account(40 + i).Signer()).ToArray();
        var receipts = new ReceiptBatch(v2, Actors.Provider.Address, [.. Enumerable.Range(0, 25).Select(i =>
            InferenceReceipt.Sign(consumers[i % 5], chain.ChainId, v2, Actors.Provider.Address, random.NextHash(), random.NextHash(), 1_767_225_700_000UL + (ulong)i))]);
        var batch = chain.Tx(Actors.Provider, new RecordInferenceBatchPayload(v2, 25, receipts.Root(), Hash256.Compute(receipts.Encode())));
        var single = chain.Tx(Actors.Provider, new RecordInferenceReceiptPayload(
            InferenceReceipt.Sign(Actors.Consumer.Signer(), chain.ChainId, v2, Actors.Provider.Address, random.NextHash(), random.NextHash(), 1_767_225_800_000)));
        chain.Commit(batch, single);
        return new ProvenanceScenario
        {
            Chain = chain,
            Model = model,
            V1 = v1,
            V2 = v2,
            Dataset = dataset.Hash,
            Contributions = [carol.Hash, bob.Hash],
            Batch = batch.Hash,
            Receipts = receipts,
            SingleReceipt = single,
        };
    }
}
