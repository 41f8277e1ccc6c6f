using DaiChain.Ledger.Accounts;
using DaiChain.Ledger.Chain;
using DaiChain.Ledger.Crypto;
using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Execution;
using DaiChain.Ledger.Mempool;
using DaiChain.Ledger.Primitives;
using DaiChain.Ledger.Storage;
using DaiChain.Ledger.Transactions;
using DaiChain.ModelRegistry;
using DaiChain.ModelRegistry.Artifacts;
using DaiChain.ModelRegistry.Evaluation;
using DaiChain.ModelRegistry.Records;
using DaiChain.ModelRegistry.Transactions;
using DaiChain.Node.Chain;
using DaiChain.Node.Evaluation;
using DaiChain.Node.Metrics;
using DaiChain.Node.Tests.Chain;
using DaiChain.RegistryTestKit;
using DaiChain.TestKit;
using Microsoft.Extensions.Logging.Abstractions;

namespace DaiChain.Node.Tests.Evaluation;

/// <summary>
/// A validator's evaluation parts over a node chain running the registry: the real evaluator, an artifact store in a
/// temporary directory holding the logistic-regression fixture and its dataset, a benchmark registered on it.
/// </summary>
internal sealed class GateHarness : IAsyncDisposable
{
    public const string Benchmark = "cancer-accuracy";
    public const string PrivateBenchmark = "cancer-private";

    private readonly TemporaryDirectory _directory = new();
    private readonly Dictionary<Address, ulong> _nonces = [];

    public GateHarness(IEvaluationInputs? inputs = null, TimeSpan? maxWait = null)
    {
        var builder = Build.A.Genesis.WithValidators(4);
        foreach (var (key, roles) in Actors.All)
        {
            builder = builder.WithAccount(key.Address, 1_000_000, roles);
        }

        var rules = RegistryModule.CreateRules();
        var store = new MemoryStore(new StoreOptions { ColumnFamilies = [.. ChainColumns.All, CertificateStore.Column], SyncWritesByDefault = false });
        var chainStore = new ChainStore(store, rules, new ChainStoreOptions { SyncCommits = false });
        chainStore.InitializeGenesis(builder.Build());
        var executor = new BlockExecutor(rules, new SenderCache());
        Chain = new LocalChain(chainStore, executor, new TransactionPool(new MempoolOptions(), executor, chainStore.Head), new CertificateStore(store), NullLogger<LocalChain>.Instance);

        Model = File.ReadAllBytes(Fixture("logistic_binary.onnx"));
        Dataset = File.ReadAllBytes(Fixture("logistic_binary.daibench"));
        Artifacts = new ArtifactStore(_directory.Combine("artifacts"), 1 << 24, TimeProvider.System);
        Artifacts.PutAsync(Hash256.Compute(Model), Model).GetAwaiter().GetResult();
        Artifacts.PutAsync(Hash256.Compute(Dataset), Dataset).GetAwaiter().GetResult();
        Inputs = inputs ?? new NodeEvaluationInputs(Artifacts, null, _directory.Combine("private"));
        Metrics = new EvaluationMetrics(Registry);
        Service = NewService();
        Gate = new EvaluationGate(Chain, Service, Self, maxWait ?? TimeSpan.FromSeconds(30), Metrics, NullLogger.Instance);

        var dataset = new RegisterDatasetPayload(Hash256.Compute(Dataset), "cancer", (ulong)Dataset.Length, "30 floats", "BSD-3-Clause", DatasetVisibility.Public);
        var privateData = Hash256.Compute("private cancer data"u8);
        Commit(Tx(Actors.Carol, dataset), Tx(Actors.Carol, dataset with { Hash = privateData, Name = "private", Visibility = DatasetVisibility.Private }), Tx(Actors.Alice, Samples.Model("cancer")));
        Commit(Tx(Actors.Curator, new RegisterBenchmarkPayload(Benchmark, "accuracy", Spec(9_000, dataset.Hash))), Tx(Actors.Curator, new RegisterBenchmarkPayload(PrivateBenchmark, "accuracy", Spec(9_000, privateData))));
    }

    public LocalChain Chain { get; }

    public byte[] Model { get; }

    public byte[] Dataset { get; }

    public ArtifactStore Artifacts { get; }

    public IEvaluationInputs Inputs { get; }

    public MetricsRegistry Registry { get; } = new();

    public EvaluationMetrics Metrics { get; }

    public EvaluationService Service { get; private set; }

    public EvaluationGate Gate { get; }

    public string CacheDirectory => _directory.Combine("results");

    /// <summary>This validator: validator 0 of the genesis set.</summary>
    public static PrivateKey Self => TestKit.Keys.Validator(0);

    public static Hash256 ModelId => Samples.ModelId(Actors.Alice.Address, "cancer");

    public static BenchmarkSpec Spec(long threshold, Hash256 dataset) => new()
    {
        ScoredOutput = "output_probability",
        Task = BenchmarkTask.Classification,
        Metric = BenchmarkMetric.Accuracy,
        Threshold = threshold,
        DatasetHash = dataset,
    };

    public EvaluationService NewService() =>
        new(new EvaluationCache(CacheDirectory, NullLogger.Instance), Inputs, Self, Chain.ChainId, new EvaluationServiceOptions(), Metrics, NullLogger.Instance);

    public async Task RestartServiceAsync()
    {
        await Service.DisposeAsync();
        Service = NewService();
    }

    public SignedTransaction Tx<TPayload>(PrivateKey from, TPayload payload)
        where TPayload : ICanonicalEncodable<TPayload>
    {
        if (!_nonces.TryGetValue(from.Address, out var nonce))
        {
            nonce = AccountState.Get(Chain.Head.State, from.Address).Nonce;
        }

        _nonces[from.Address] = nonce + 1;
        return RegistryTransactions.Create(Chain.ChainId, nonce, payload).Sign(from.Signer());
    }

    public SignedTransaction Version(string semver, byte[] artifact, string benchmark = Benchmark) =>
        Tx(Actors.Alice, Samples.Version(ModelId, semver) with { ArtifactHash = Hash256.Compute(artifact), ArtifactSize = (ulong)artifact.Length, Benchmarks = [benchmark] });

    /// <summary>The key of validator <paramref name="index"/> in the set's order.</summary>
    public PrivateKey ValidatorKey(int index)
    {
        var address = Chain.Head.GetValidatorSet(Chain.Height + 1)![index].Address;
        return Enumerable.Range(0, 16).Select(TestKit.Keys.Validator).First(k => k.Address == address);
    }

    /// <summary>Builds the next block from exactly <paramref name="transactions"/> (the mempool is bypassed) by <paramref name="proposer"/>, executed on the head.</summary>
    public Block Propose(PrivateKey proposer, params SignedTransaction[] transactions) =>
        Chain.BuildProposal(NextTime(), proposer.Address, [], (_, _) => transactions);

    /// <summary>Builds the next block as this validator's proposal would be: from the mempool through the gate.</summary>
    public Block ProposeThroughGate() =>
        Chain.BuildProposal(NextTime(), Self.Address, [], (head, candidates) => Gate.Compose(head, Self.Address, candidates));

    public BlockCommitted Commit(Block block) => Chain.Commit(block, NodeChains.Certify(Chain, block), CommitSource.Consensus);

    public void Commit(params SignedTransaction[] transactions)
    {
        var block = Propose(Self, transactions);
        Assert.Equal(transactions.Length, block.Transactions.Count);
        var committed = Commit(block);
        Assert.All(committed.Result.Receipts, r => Assert.True(r.Success, r.ToString()));
    }

    public async ValueTask DisposeAsync()
    {
        await Service.DisposeAsync();
        _directory.Dispose();
    }

    private long NextTime() => (Chain.Head.LastHeader?.TimeMs ?? Chain.Head.GenesisTimeMs) + 1_000;

    private static string Fixture(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "tests", "ModelRegistry.Tests", "Evaluation", "Fixtures", name);
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new FileNotFoundException("fixture not found above the test assembly", name);
    }
}
