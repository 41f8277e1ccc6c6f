using DaiChain.Ledger.Chain;
using DaiChain.Ledger.Crypto;
using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Execution;
using DaiChain.Ledger.Genesis;
using DaiChain.Ledger.Primitives;
using DaiChain.Ledger.Storage;
using DaiChain.Ledger.Transactions;
using DaiChain.ModelRegistry;
using DaiChain.ModelRegistry.Transactions;

namespace DaiChain.Benchmarks.ModelRegistry;

/// <summary>
/// A chain that runs the registry, for benchmarks: production rules (<see cref="RegistryModule"/>), 4 validators, one
/// publisher and <c>providers</c> inference providers with keys from a public seed, a <see cref="ChainStore"/> over the
/// given store and the real executor. Blocks are proposed, checked as a peer would (cold signature cache) and committed.
/// </summary>
internal sealed class RegistryBenchChain
{
    public const string ChainId = "daichain-bench";
    private const long GenesisTimeMs = 1_767_225_600_000;

    private readonly PrivateKey[] _validators;
    private readonly Dictionary<Address, ulong> _nonces = [];
    private CommitCertificate? _lastCommit;

    public RegistryBenchChain(IKeyValueStore store, int providers)
    {
        _validators = [.. Enumerable.Range(0, 4).Select(i => PrivateKey.FromSeed("daichain-bench/validator", i))];
        Publisher = PrivateKey.FromSeed("daichain-bench/publisher", 0);
        Providers = [.. Enumerable.Range(0, providers).AsParallel().AsOrdered().Select(i => PrivateKey.FromSeed("daichain-bench/provider", i))];
        var genesis = new GenesisDocument
        {
            ChainId = ChainId,
            GenesisTimeMs = GenesisTimeMs,
            Validators = [.. _validators.Select((k, i) => new GenesisValidator($"validator-{i}", k.PublicKey, 10))],
            Accounts =
            [
                new GenesisAccount(Publisher.Address, 1_000, [RegistryRoles.ModelPublisher]),
                .. Providers.Select(k => new GenesisAccount(k.Address, 1_000, [RegistryRoles.InferenceProvider])),
            ],
        };
        Rules = RegistryModule.CreateRules();
        Store = new ChainStore(store, Rules, new ChainStoreOptions { SyncCommits = false });
        Store.InitializeGenesis(genesis);
        Executor = new BlockExecutor(Rules, new SenderCache());
    }

    public PrivateKey Publisher { get; }

    public PrivateKey[] Providers { get; }

    public ChainRules Rules { get; }

    public ChainStore Store { get; }

    public BlockExecutor Executor { get; set; }

    public static MemoryStore NewMemoryStore() => new(new StoreOptions { ColumnFamilies = ChainColumns.All, SyncWritesByDefault = false });

    /// <summary>A signed registry transaction from <paramref name="from"/> with its next nonce.</summary>
    public SignedTransaction Tx<TPayload>(PrivateKey from, TPayload payload)
        where TPayload : ICanonicalEncodable<TPayload>
    {
        var nonce = _nonces.GetValueOrDefault(from.Address);
        _nonces[from.Address] = nonce + 1;
        return RegistryTransactions.Create(ChainId, nonce, payload).Sign(new InMemorySigner(from));
    }

    public (Block Block, BlockExecutionResult Result) Propose(IReadOnlyList<SignedTransaction> transactions)
    {
        var head = Store.Head;
        var validators = head.GetValidatorSet(head.Height + 1)!;
        return Executor.Propose(head, new ProposalRequest
        {
            TimeMs = (head.LastHeader?.TimeMs ?? GenesisTimeMs) + 1_000,
            ProposerAddress = validators[0].Address,
            LastCommit = _lastCommit,
            Transactions = transactions,
        });
    }

    /// <summary>Checks <paramref name="block"/> as a peer (every signature, execution, roots) and commits it.</summary>
    public void CheckAndCommit(Block block)
    {
        var outcome = Executor.TryExecute(Store.Head, block, out var result);
        if (!outcome.IsSuccess)
        {
            throw new InvalidOperationException(outcome.ToString());
        }

        Store.Commit(block, result!);
        var validators = Store.GetValidatorSet(block.Height)!;
        var votes = Enumerable.Range(0, validators.Count).Select(i =>
            Vote.Sign(new InMemorySigner(_validators.First(k => k.Address == validators[i].Address)), ChainId, VoteType.Precommit, block.Height, 0, block.Hash, block.Header.TimeMs + 10, i));
        _lastCommit = CommitCertificate.FromPrecommits(block.Height, 0, block.Hash, votes);
    }

    /// <summary>Proposes, checks and commits a block of <paramref name="transactions"/>, asserting that each succeeded.</summary>
    public void CommitAll(IReadOnlyList<SignedTransaction> transactions)
    {
        var (block, result) = Propose(transactions);
        if (block.Transactions.Count != transactions.Count || result.Receipts.Any(r => !r.Success))
        {
            throw new InvalidOperationException($"setup block failed: {result.Receipts.FirstOrDefault(r => !r.Success)}");
        }

        CheckAndCommit(block);
    }
}
