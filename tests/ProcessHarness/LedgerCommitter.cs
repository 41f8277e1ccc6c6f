using System.Globalization;
using DaiChain.Ledger.Accounts;
using DaiChain.Ledger.Execution;
using DaiChain.Ledger.Storage;
using DaiChain.Ledger.Transactions;
using DaiChain.TestKit;

namespace DaiChain.ProcessHarness;

/// <summary>
/// <c>ledger-committer</c>: commits blocks of signed transfers to a chain in RocksDB, one synced batch per block,
/// and prints <c>committed h root</c> after each commit returns, so that a test can kill it (SIGKILL) at any
/// instant and check that every block is whole or absent. Blocks are a pure function of the chain so far
/// (<see cref="Transactions"/>, the TestKit genesis and keys), so the test can rebuild them.
/// </summary>
/// <remarks>Resumes after the last committed block. Output: <c>start h</c> (the head it found), <c>committed h root</c> per block, <c>done</c>.</remarks>
public static class LedgerCommitter
{
    public const string Command = "ledger-committer";

    public const string Usage = "--path P --blocks N [--txs T (40)]";

    /// <summary>Store options shared by the committer and the test that reopens its database.</summary>
    public static RocksDbOptions Options(string path) => new()
    {
        Path = path,
        ColumnFamilies = ChainColumns.All,
        SyncWritesByDefault = true,
        BlockCacheBytes = 8L * 1024 * 1024,
        WriteBufferBytes = 4L * 1024 * 1024,
    };

    /// <summary>The transactions of the block after <paramref name="head"/>: transfers among TestKit accounts 0-11 with the next nonces.</summary>
    public static SignedTransaction[] Transactions(IChainView head, int count)
    {
        var height = head.Height + 1;
        var nonces = Enumerable.Range(0, 4).Select(i => AccountState.Get(head.State, Keys.Account(i).Address).Nonce).ToArray();
        var transactions = new SignedTransaction[count];
        for (var i = 0; i < count; i++)
        {
            var sender = i % 4;
            var recipient = Keys.Account((int)(((ulong)i * 7 + height) % 12)).Address;
            transactions[i] = Build.A.Transaction.From(Keys.Account(sender)).Nonce(nonces[sender]++).Transfer(recipient, 1 + ((height + (ulong)i) % 5)).Signed();
        }

        return transactions;
    }

    public static int Run(HarnessArguments arguments)
    {
        var path = arguments.Required("path");
        var blocks = arguments.Int32("blocks", 0, 1, 1_000_000);
        var count = arguments.Int32("txs", 40, 0, 10_000);
        if (blocks == 0)
        {
            throw new ArgumentException("missing --blocks");
        }

        using var store = RocksDbStore.Open(Options(path));
        var chain = new TestChain(store: store, options: new ChainStoreOptions { SyncCommits = true });
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"start {chain.Height}"));
        while (chain.Height < (ulong)blocks)
        {
            var block = chain.CommitNext(Transactions(chain.Head, count));

            // Console.Out flushes every line: the line reaches the pipe only after the synced commit returned.
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"committed {block.Height} {block.Header.StateRoot}"));
        }

        Console.Out.WriteLine("done");
        return 0;
    }
}
