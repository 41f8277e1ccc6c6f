using DaiChain.Ledger.Chain;
using DaiChain.Ledger.Execution;
using DaiChain.Ledger.Genesis;
using DaiChain.Ledger.Mempool;
using DaiChain.Ledger.Storage;
using DaiChain.Node.Chain;
using DaiChain.TestKit;
using Microsoft.Extensions.Logging.Abstractions;

namespace DaiChain.Node.Tests.Chain;

/// <summary>A node's <see cref="LocalChain"/> with production wiring over a memory store, and certificates signed by the test validators.</summary>
public static class NodeChains
{
    public static LocalChain Create(GenesisDocument genesis)
    {
        var rules = ChainRules.WithLedgerBuiltIns().Freeze();
        var store = new MemoryStore(new StoreOptions { ColumnFamilies = [.. ChainColumns.All, CertificateStore.Column], SyncWritesByDefault = false });
        var chainStore = new ChainStore(store, rules, new ChainStoreOptions { SyncCommits = false });
        chainStore.InitializeGenesis(genesis);
        var executor = new BlockExecutor(rules, new SenderCache());
        var pool = new TransactionPool(new MempoolOptions(), executor, chainStore.Head);
        return new LocalChain(chainStore, executor, pool, new CertificateStore(store), NullLogger<LocalChain>.Instance);
    }

    /// <summary>Precommits for <paramref name="block"/> by the validators at <paramref name="signers"/> (default all) of its height's set.</summary>
    public static CommitCertificate Certify(LocalChain chain, Block block, IEnumerable<int>? signers = null)
    {
        var validators = chain.Head.GetValidatorSet(block.Height)!;
        var keys = Enumerable.Range(0, 16).Select(TestKit.Keys.Validator).ToDictionary(k => k.Address);
        var votes = (signers ?? Enumerable.Range(0, validators.Count))
            .Select(i => Vote.Sign(keys[validators[i].Address].Signer(), chain.ChainId, VoteType.Precommit, block.Height, 0, block.Hash, block.Header.TimeMs + 1, i));
        return CommitCertificate.FromPrecommits(block.Height, 0, block.Hash, votes);
    }
}
