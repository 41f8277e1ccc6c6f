using System.Diagnostics;
using DaiChain.Ledger.Accounts;
using DaiChain.Ledger.Audit;
using DaiChain.Ledger.Chain;
using DaiChain.Ledger.Crypto;
using DaiChain.Ledger.Execution;
using DaiChain.Ledger.Genesis;
using DaiChain.Ledger.Storage;
using DaiChain.Ledger.Transactions;
using DaiChain.ModelRegistry;

namespace DaiChain.Benchmarks.Audit;

/// <summary>
/// A chain for the audit benchmarks: <c>blocks</c> blocks of <c>transactions</c> signed transfers over 1,000 funded
/// accounts and 4 validators (real signatures, every block certified by all four), executed with the node's rules
/// (Ledger's plus the model registry's, whose epoch rewards run at epoch ends) so that <c>daichain audit verify</c>
/// re-executes it exactly. Written to a folder laid out as a node's data folder — <c>chain/</c> (the RocksDB chain
/// database) and <c>genesis.json</c> — for timing <c>daichain audit verify --data DIR --genesis DIR/genesis.json</c>
/// as a real process. Generated once and reused (a <c>COMPLETE</c> marker says the folder is whole). One extra block
/// is committed so the last measured block has its certificate (in the next block's last commit).
/// </summary>
internal static class AuditBenchChain
{
    public const int Accounts = 1_000;
    private const string ChainId = "daichain-audit-bench";
    private const long GenesisTimeMs = 1_767_225_600_000;

    public static ChainRules Rules { get; } = RegistryModule.CreateRules();

    public static string DefaultPathFor(int blocks, int transactions) =>
        Path.Combine(Path.GetTempPath(), "daichain-bench-audit", $"{blocks}x{transactions}-node-rules");

    public static string DatabasePath(string folder) => Path.Combine(folder, "chain");

    /// <summary>The chain folder in the temp folder, generating it first when needed.</summary>
    public static string Ensure(int blocks, int transactions)
    {
        var folder = DefaultPathFor(blocks, transactions);
        Generate(folder, blocks, transactions);
        return folder;
    }

    /// <summary>Writes the chain and its genesis.json to <paramref name="folder"/> unless a complete one is there.</summary>
    public static void Generate(string folder, int blocks, int transactions)
    {
        var marker = Path.Combine(folder, "COMPLETE");
        if (File.Exists(marker))
        {
            Console.WriteLine($"// {folder}: {File.ReadAllText(marker).Trim()}");
            return;
        }

        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Directory.CreateDirectory(folder);
        var clock = Stopwatch.StartNew();
        var validators = Enumerable.Range(0, 4).Select(i => PrivateKey.FromSeed("daichain-bench-audit/validator", i)).ToArray();
        var accounts = Enumerable.Range(0, Accounts).AsParallel().AsOrdered().Select(i => AccountKey(i)).ToArray();
        var genesis = GenesisDocument(validators, accounts);
        using (var store = RocksDbStore.Open(new RocksDbOptions { Path = DatabasePath(folder), ColumnFamilies = ChainColumns.All, SyncWritesByDefault = false }))
        {
            var chain = new ChainStore(store, Rules, new ChainStoreOptions { SyncCommits = false });
            chain.InitializeGenesis(genesis);
            var executor = new BlockExecutor(Rules, new SenderCache());
            var nonces = new ulong[Accounts];
            CommitCertificate? lastCommit = null;
            for (var height = 1UL; height <= (ulong)blocks + 1; height++)
            {
                var head = chain.Head;
                var set = head.GetValidatorSet(height)!;
                var (block, result) = executor.Propose(head, new ProposalRequest
                {
                    TimeMs = (head.LastHeader?.TimeMs ?? GenesisTimeMs) + 1_000,
                    ProposerAddress = set[(int)(height % (ulong)set.Count)].Address,
                    LastCommit = lastCommit,
                    Transactions = Transfers(accounts, nonces, transactions, (int)height),
                });
                chain.Commit(block, result);
                var votes = Enumerable.Range(0, set.Count).Select(i => Vote.Sign(
                    new InMemorySigner(validators.First(k => k.Address == set[i].Address)), ChainId, VoteType.Precommit, height, 0, block.Hash, block.Header.TimeMs + 10, i));
                lastCommit = CommitCertificate.FromPrecommits(height, 0, block.Hash, votes);
                if (height % 500 == 0)
                {
                    Console.WriteLine($"// generated {height} of {blocks + 1} blocks in {clock.Elapsed.TotalSeconds:F0} s");
                }
            }

            store.Flush();
        }

        File.WriteAllText(Path.Combine(folder, "genesis.json"), GenesisJson.Write(genesis));
        File.WriteAllText(marker, $"{blocks} blocks of {transactions} transfers (+1 block for the last certificate), generated in {clock.Elapsed.TotalSeconds:F0} s\n");
        Console.WriteLine($"// generated {folder} in {clock.Elapsed.TotalSeconds:F0} s");
    }

    /// <summary>The folder's genesis.json, as the auditor's trust root.</summary>
    public static TrustedGenesis Genesis(string folder) =>
        TrustedGenesis.From(GenesisJson.Load(Path.Combine(folder, "genesis.json"), Rules), Rules);

    public static PrivateKey AccountKey(int index) => PrivateKey.FromSeed("daichain-bench-audit/account", index);

    /// <summary>
    /// <paramref name="count"/> transfers of 1 unit, from accounts taken in turn (a different sender for each while there
    /// are enough), to pseudo-random accounts; signed in parallel.
    /// </summary>
    private static SignedTransaction[] Transfers(PrivateKey[] accounts, ulong[] nonces, int count, int seed)
    {
        var random = new Random(seed);
        var plan = Enumerable.Range(0, count).Select(i =>
        {
            var from = ((seed * count) + i) % accounts.Length;
            return (From: from, To: random.Next(accounts.Length), Nonce: nonces[from]++);
        }).ToArray();
        return [.. plan.AsParallel().AsOrdered().Select(p =>
        {
            var payload = DaiChain.Ledger.Encoding.Canonical.Encode(new TransferPayload(accounts[p.To].Address, 1));
            return new Transaction(ChainId, p.Nonce, TransactionKinds.Transfer, payload).Sign(new InMemorySigner(accounts[p.From]));
        })];
    }

    private static GenesisDocument GenesisDocument(PrivateKey[] validators, PrivateKey[] accounts) => new()
    {
        ChainId = ChainId,
        GenesisTimeMs = GenesisTimeMs,
        Validators = [.. validators.Select((k, i) => new GenesisValidator($"validator-{i}", k.PublicKey, 10))],
        Accounts = [.. accounts.Select(k => new GenesisAccount(k.Address, 1_000_000_000, []))],
    };
}
