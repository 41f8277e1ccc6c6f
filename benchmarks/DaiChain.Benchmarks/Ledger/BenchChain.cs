using DaiChain.Ledger.Accounts;
using DaiChain.Ledger.Chain;
using DaiChain.Ledger.Crypto;
using DaiChain.Ledger.Execution;
using DaiChain.Ledger.Genesis;
using DaiChain.Ledger.Storage;
using DaiChain.Ledger.Transactions;

namespace DaiChain.Benchmarks.Ledger;

/// <summary>
/// A chain for benchmarks with production wiring: 4 validators, <c>accounts</c> funded accounts with keys from a
/// public seed, a <see cref="ChainStore"/> over the given store, the real executor. Mirrors tests/TestKit's
/// TestChain without depending on the test stack.
/// </summary>
internal sealed class BenchChain
{
    public const string ChainId = "daichain-bench";
    private const long GenesisTimeMs = 1_767_225_600_000;

    private readonly PrivateKey[] _validators;
    private CommitCertificate? _lastCommit;

    public BenchChain(IKeyValueStore store, int accounts, bool sync = false)
    {
        _validators = [.. Enumerable.Range(0, 4).Select(i => PrivateKey.FromSeed("daichain-bench/validator", i))];
        Accounts = [.. Enumerable.Range(0, accounts).AsParallel().AsOrdered().Select(i => PrivateKey.FromSeed("daichain-bench/account", i))];
        var genesis = new GenesisDocument
        {
            ChainId = ChainId,
            GenesisTimeMs = GenesisTimeMs,
            Validators = [.. _validators.Select((k, i) => new GenesisValidator($"validator-{i}", k.PublicKey, 10))],
            Accounts = [.. Accounts.Select(k => new GenesisAccount(k.Address, 1_000_000_000, []))],
        };
        Rules = ChainRules.WithLedgerBuiltIns().Freeze();
        Store = new ChainStore(store, Rules, new ChainStoreOptions { SyncCommits = sync });
        Store.InitializeGenesis(genesis);
        Executor = new BlockExecutor(Rules, new SenderCache());
    }

    public PrivateKey[] Accounts { get; }

    public ChainRules Rules { get; }

    public ChainStore Store { get; }

    public BlockExecutor Executor { get; set; }

    public static MemoryStore NewMemoryStore() => new(new StoreOptions { ColumnFamilies = ChainColumns.All, SyncWritesByDefault = false });

    /// <summary>
    /// <paramref name="count"/> signed transfers, each from a different account when there are enough (else
    /// consecutive nonces), to a pseudo-random other account; nonces continue from the committed state.
    /// </summary>
    public SignedTransaction[] Transfers(int count, int seed)
    {
        var random = new Random(seed);
        var nonces = new ulong[Accounts.Length];
        for (var i = 0; i < Accounts.Length; i++)
        {
            nonces[i] = AccountState.Get(Store.Head.State, Accounts[i].Address).Nonce;
        }

        var plan = Enumerable.Range(0, count).Select(i =>
        {
            var from = i % Accounts.Length;
            var to = random.Next(Accounts.Length);
            return (From: from, To: to, Nonce: nonces[from]++);
        }).ToArray();
        return [.. plan.AsParallel().AsOrdered().Select(p =>
        {
            var payload = DaiChain.Ledger.Encoding.Canonical.Encode(new TransferPayload(Accounts[p.To].Address, 1));
            return new Transaction(ChainId, p.Nonce, TransactionKinds.Transfer, payload).Sign(new InMemorySigner(Accounts[p.From]));
        })];
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

    public void Commit(Block block, BlockExecutionResult result)
    {
        Store.Commit(block, result);
        var validators = Store.GetValidatorSet(block.Height)!;
        var votes = Enumerable.Range(0, validators.Count).Select(i =>
            Vote.Sign(new InMemorySigner(_validators.First(k => k.Address == validators[i].Address)), ChainId, VoteType.Precommit, block.Height, 0, block.Hash, block.Header.TimeMs + 10, i));
        _lastCommit = CommitCertificate.FromPrecommits(block.Height, 0, block.Hash, votes);
    }
}
