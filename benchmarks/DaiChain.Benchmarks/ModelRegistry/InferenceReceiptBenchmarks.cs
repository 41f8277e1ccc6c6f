using BenchmarkDotNet.Attributes;
using DaiChain.Ledger.Chain;
using DaiChain.Ledger.Crypto;
using DaiChain.Ledger.Execution;
using DaiChain.Ledger.Primitives;
using DaiChain.ModelRegistry;
using DaiChain.ModelRegistry.Inference;
using DaiChain.ModelRegistry.Transactions;

namespace DaiChain.Benchmarks.ModelRegistry;

/// <summary>
/// Inference receipts committed per second when batched by 1,000. One operation is one block of
/// <see cref="Batches"/> RecordInferenceBatch transactions (each 1,000 receipts, a different provider each), checked as
/// a validator receiving it checks it (cold signature cache: every signature recovered), executed and committed to the
/// chain store: receipts/s = Batches · 1,000 / mean. Goal: at least 100,000 receipts per second. The provider's side,
/// hashing 1,000 signed receipts into the batch root, is measured on its own.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 5, invocationCount: 1)]
public class InferenceReceiptBenchmarks
{
    private const int ReceiptsPerBatch = 1_000;
    private RegistryBenchChain _chain = null!;
    private Hash256 _version;
    private InferenceReceipt[] _receipts = [];
    private Block _next = null!;

    [Params(100)]
    public int Batches { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _chain = new RegistryBenchChain(RegistryBenchChain.NewMemoryStore(), providers: Batches);
        var model = RegistryIds.Model(_chain.Publisher.Address, "served");
        _version = RegistryIds.Version(model, "1.0.0");
        _chain.CommitAll([
            _chain.Tx(_chain.Publisher, new RegisterModelPayload("served", "benchmark model", "classification", "MIT", [])),
            _chain.Tx(_chain.Publisher, new RegisterModelVersionPayload { ModelId = model, Semver = "1.0.0", ArtifactHash = Hash256.Compute("model"u8), ArtifactSize = 1 }),
        ]);

        var consumers = Enumerable.Range(0, 16).Select(i => new InMemorySigner(PrivateKey.FromSeed("daichain-bench/consumer", i))).ToArray();
        var random = new Random(5);
        _receipts = [.. Enumerable.Range(0, ReceiptsPerBatch).Select(i =>
        {
            Span<byte> bytes = stackalloc byte[64];
            random.NextBytes(bytes);
            return InferenceReceipt.Sign(consumers[i % consumers.Length], RegistryBenchChain.ChainId, _version, _chain.Providers[0].Address, new Hash256(bytes[..32]), new Hash256(bytes[32..]), 1_767_225_600_000UL + (ulong)i);
        })];
    }

    [IterationSetup(Target = nameof(CheckExecuteCommitBlock))]
    public void NextBlock()
    {
        // Each provider records one batch per block; the roots differ so every batch is its own fact.
        var transactions = _chain.Providers
            .Select((p, i) => _chain.Tx(p, new RecordInferenceBatchPayload(_version, ReceiptsPerBatch, Hash256.Compute(BitConverter.GetBytes(((long)_chain.Store.Height << 16) + i)), default)))
            .ToArray();
        (_next, _) = _chain.Propose(transactions);
        _chain.Executor = new BlockExecutor(_chain.Rules, new SenderCache());
    }

    [Benchmark(Description = "check + execute + commit a block of 100 batches x 1,000 receipts")]
    public void CheckExecuteCommitBlock() => _chain.CheckAndCommit(_next);

    [Benchmark(Description = "provider: Merkle root of 1,000 signed receipts")]
    public Hash256 BatchRoot() => MerkleList.Root([.. _receipts.Select(r => r.Hash)]);

    [Benchmark(Description = "provider: root of 1,000 receipts from their encodings (hash each receipt first)")]
    public Hash256 BatchRootFromEncodings() => new ReceiptBatch(_version, _chain.Providers[0].Address, [.. _receipts.Select(r => new InferenceReceipt(r.VersionId, r.Provider, r.RequestHash, r.ResponseHash, r.Consumer, r.TimeMs, r.ConsumerSignature))]).Root();
}
