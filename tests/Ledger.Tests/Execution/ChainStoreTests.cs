using System.Globalization;
using DaiChain.Ledger.Accounts;
using DaiChain.Ledger.Chain;
using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Execution;
using DaiChain.Ledger.Primitives;
using DaiChain.Ledger.State;
using DaiChain.Ledger.Storage;
using DaiChain.Ledger.Transactions;
using DaiChain.TestKit;

namespace DaiChain.Ledger.Tests.Execution;

public sealed class ChainStoreTests
{
    [Fact]
    public void Reopening_resumes_from_the_last_committed_block()
    {
        var store = TestChain.NewMemoryStore();
        var first = new TestChain(store: store);
        first.CommitNext(Build.A.Transfer.From(Keys.Account(0)).Signed());
        first.CommitNext(Build.A.Transfer.From(Keys.Account(0)).Nonce(1).Signed());

        var reopened = new TestChain(store: store);
        Assert.Equal(2UL, reopened.Height);
        Assert.Equal(first.Head.StateRoot, reopened.Head.StateRoot);
        Assert.Equal(first.Head.LastHeader, reopened.Head.LastHeader);
        Assert.Equal(2UL, reopened.AccountOf(Keys.Account(0).Address).Nonce);
        reopened.CommitNext(Build.A.Transfer.From(Keys.Account(0)).Nonce(2).Signed());
        Assert.Equal(3UL, reopened.Height);
    }

    [Fact]
    public void Genesis_is_written_once()
    {
        var chain = new TestChain();
        Assert.Equal(0UL, chain.Height);
        Assert.Throws<InvalidOperationException>(() => chain.Store.InitializeGenesis(chain.Genesis));
        Assert.Equal(chain.Genesis.Hash(), chain.Store.Meta.GenesisHash);
        Assert.Equal(chain.Store.GetValidatorSet(1)!.Hash, chain.Store.GetValidatorSet(2)!.Hash);
        Assert.Null(chain.Store.GetValidatorSet(3));
    }

    [Fact]
    public void Blocks_receipts_and_indexes_are_readable_after_commit()
    {
        var chain = new TestChain();
        var tx = Build.A.Transaction.From(Keys.Account(0)).Transfer(Keys.Account(9).Address, 5).Signed();
        var block = chain.CommitNext(tx);
        Assert.Equal(block.Hash, chain.Store.GetBlock(1)!.Hash);
        Assert.Equal(1UL, chain.Store.GetBlock(block.Hash)!.Height);
        Assert.True(chain.Store.GetReceipts(1)!.Single().Success);
        Assert.Equal(new TransactionLocation(tx.Hash, 1, 0), chain.Store.FindTransaction(tx.Hash));
        Assert.Equal(tx.Hash, chain.Store.TransactionsOf(Keys.Account(0).Address, 10).Single().TransactionHash);
        Assert.Equal(tx.Hash, chain.Store.TransactionsOf(Keys.Account(9).Address, 10).Single().TransactionHash);
        Assert.Empty(chain.Store.TransactionsOf(Keys.Account(3).Address, 10));
        Assert.Null(chain.Store.FindTransaction(new Random(1).NextHash()));
    }

    [Fact]
    public void Recent_past_heights_stay_readable_and_provable()
    {
        var chain = new TestChain();
        var alice = Keys.Account(0).Address;
        for (ulong i = 0; i < 5; i++)
        {
            chain.CommitNext(Build.A.Transfer.From(Keys.Account(0)).Nonce(i).Signed());
        }

        for (ulong h = 0; h <= 5; h++)
        {
            var state = chain.Store.GetState(h)!;
            Assert.Equal(h, AccountState.Get(state, alice).Nonce);
            var root = chain.Store.GetStateRoot(h)!.Value;
            var value = state.Get(AccountState.Key(alice))!;
            Assert.True(chain.Store.Prove(h, AccountState.Key(alice))!.VerifyInclusion(root.Hash, AccountState.Key(alice), StateHashing.ValueHash(value)));
            if (h > 0)
            {
                Assert.Equal(chain.Store.GetHeader(h)!.StateRoot, root.Hash);
            }
        }
    }

    [Fact]
    public void Values_come_with_proofs_against_the_header()
    {
        var chain = new TestChain();
        var block = chain.CommitNext(Build.A.Transaction.From(Keys.Account(0)).Transfer(Keys.Account(8).Address, 9).Signed());
        var present = chain.Store.GetWithProof(1, AccountState.Key(Keys.Account(8).Address))!;
        Assert.Equal(9UL, Canonical.Decode<Account>(present.Value).Balance);
        Assert.True(present.Verify(block.Header.StateRoot));
        var absent = chain.Store.GetWithProof(1, AccountState.Key(Keys.Account(14).Address))!;
        Assert.Null(absent.Value);
        Assert.True(absent.Verify(block.Header.StateRoot));
        Assert.False((absent with { Value = [1] }).Verify(block.Header.StateRoot));
        Assert.Null(chain.Store.GetWithProof(2, AccountState.Key(Keys.Account(8).Address)));
    }

    [Fact]
    public void Pruning_keeps_the_retained_window_whole()
    {
        var store = TestChain.NewMemoryStore();
        var chain = new TestChain(store: store, options: new ChainStoreOptions { SyncCommits = false, RetainedStateVersions = 3 });
        var alice = Keys.Account(0).Address;
        for (ulong i = 0; i < 8; i++)
        {
            chain.CommitNext(Build.A.Transfer.From(Keys.Account(0)).Nonce(i).Signed());
        }

        Assert.Equal(6UL, chain.Store.OldestStateVersion);
        Assert.Null(chain.Store.GetState(5));
        Assert.Null(chain.Store.GetStateRoot(4));
        for (ulong h = 6; h <= 8; h++)
        {
            Assert.Equal(h, AccountState.Get(chain.Store.GetState(h)!, alice).Nonce);
            var root = chain.Store.GetStateRoot(h)!.Value;
            var proof = chain.Store.Prove(h, AccountState.Key(alice))!;
            Assert.True(proof.VerifyInclusion(root.Hash, AccountState.Key(alice), StateHashing.ValueHash(chain.Store.GetState(h)!.Get(AccountState.Key(alice))!)));
        }

        // A store reopened without caches still reads every retained node.
        var reopened = new TestChain(store: store, options: new ChainStoreOptions { SyncCommits = false, RetainedStateVersions = 3 });
        foreach (var key in new[] { AccountState.Key(alice), AccountState.Key(Keys.Account(1).Address) })
        {
            Assert.NotNull(reopened.Store.Prove(6, key));
        }

        reopened.CommitNext(Build.A.Transfer.From(Keys.Account(0)).Nonce(8).Signed());
    }

    [Fact]
    public void Pruning_a_key_changed_in_every_block_keeps_exactly_the_window_also_after_reopening_with_a_smaller_retention()
    {
        using var directory = new TemporaryDirectory();
        var rocks = new RocksDbOptions { Path = directory.Combine("chain"), ColumnFamilies = ChainColumns.All };
        var alice = Keys.Account(0);
        var rare = Keys.Account(9).Address;
        var hot = AccountState.Key(alice.Address);
        var cold = AccountState.Key(rare);
        ulong nonce = 0;
        using (var store = RocksDbStore.Open(rocks))
        {
            var chain = new TestChain(store: store, options: new ChainStoreOptions { SyncCommits = false, RetainedStateVersions = 10 });
            chain.CommitNext(Build.A.Transfer.Transfer(rare, 5).From(alice).Nonce(nonce++).Signed());
            while (chain.Height < 60)
            {
                chain.CommitNext(Build.A.Transfer.From(alice).Nonce(nonce++).Signed());
            }

            Assert.Equal(51UL, chain.Store.OldestStateVersion);
            Assert.Equal(Versions(51, 60), StoredVersions(store, hot));
            Assert.Equal([1UL], StoredVersions(store, cold));
            AssertWindowReads(chain, 51, 60);
        }

        // Reopened with a smaller window the prunes of 52..57 never run; the next one must still drop them all.
        using (var store = RocksDbStore.Open(rocks))
        {
            var chain = new TestChain(store: store, options: new ChainStoreOptions { SyncCommits = false, RetainedStateVersions = 3 });
            chain.CommitNext(Build.A.Transfer.From(alice).Nonce(nonce++).Signed());
            Assert.Equal(59UL, chain.Store.OldestStateVersion);
            Assert.Equal(Versions(59, 61), StoredVersions(store, hot));
            Assert.Equal([1UL], StoredVersions(store, cold));
            while (chain.Height < 80)
            {
                chain.CommitNext(Build.A.Transfer.From(alice).Nonce(nonce++).Signed());
            }

            Assert.Equal(Versions(78, 80), StoredVersions(store, hot));
            Assert.Equal([1UL], StoredVersions(store, cold));
            AssertWindowReads(chain, 78, 80);
            Assert.Equal(5UL, AccountState.Get(chain.Store.GetState(78)!, rare).Balance);
        }

        static ulong[] Versions(ulong first, ulong last) => [.. Enumerable.Range((int)first, (int)(last - first + 1)).Select(v => (ulong)v)];

        static ulong[] StoredVersions(IKeyValueStore store, Hash256 key) =>
            [.. store.Range(ChainColumns.StateValues, StoreKeys.ValueVersion(key, 0), StoreKeys.ValueVersion(key, ulong.MaxValue))
                .Select(e => StoreKeys.ReadHeight(e.Key.AsSpan(Hash256.Size)))];

        void AssertWindowReads(TestChain chain, ulong first, ulong last)
        {
            Assert.Null(chain.Store.GetState(first - 1));
            Assert.Null(chain.Store.GetStateRoot(first - 1));
            for (var h = first; h <= last; h++)
            {
                Assert.Equal(h, AccountState.Get(chain.Store.GetState(h)!, alice.Address).Nonce);
                Assert.NotNull(chain.Store.Prove(h, hot));
            }
        }
    }

    [Fact]
    public void A_hand_made_block_is_executed_committed_reread_after_restart_and_proven_against_its_header()
    {
        using var directory = new TemporaryDirectory();
        var rocks = new RocksDbOptions { Path = directory.Combine("chain"), ColumnFamilies = ChainColumns.All };
        var genesis = Build.A.Genesis.Build();
        var alice = Keys.Account(0);
        var bob = Keys.Account(1);
        var carol = Keys.Account(7).Address;
        var transactions = new[]
        {
            Build.A.Transaction.From(alice).Transfer(carol, 4_242).Signed(),
            Build.A.Transaction.From(bob).Transfer(carol, 58).Signed(),
            Build.A.Transaction.From(alice).Nonce(1).Transfer(bob.Address, 1).Signed(),
        };
        Block block;
        CommitCertificate certificate;
        Dictionary<Address, Account> expected;

        using (var store = RocksDbStore.Open(rocks))
        {
            var chain = new TestChain(genesis, store, options: new ChainStoreOptions { SyncCommits = true });
            var head = chain.Head;

            // Every root of the header is worked out by the test, not by the executor: the accounts the
            // transfers must leave, put into the genesis state tree; the receipts they must give; the list of
            // transaction hashes.
            var (a, b, c) = (chain.AccountOf(alice.Address), chain.AccountOf(bob.Address), chain.AccountOf(carol));
            expected = new Dictionary<Address, Account>
            {
                [alice.Address] = a with { Balance = a.Balance - 4_243, Nonce = 2 },
                [bob.Address] = b with { Balance = b.Balance - 57, Nonce = 1 },
                [carol] = c with { Balance = c.Balance + 4_300 },
            };
            var updates = expected
                .Select(e => new TreeUpdate(AccountState.Key(e.Key), StateHashing.ValueHash(Canonical.Encode(e.Value))))
                .OrderBy(u => u.KeyHash)
                .ToArray();
            var stateRoot = new StateTree(head.TreeNodes).Update(head.StateRoot, 1, updates).Root.Hash;
            var receipts = new[]
            {
                TransferReceipt(transactions[0], alice.Address, carol, 4_242),
                TransferReceipt(transactions[1], bob.Address, carol, 58),
                TransferReceipt(transactions[2], alice.Address, bob.Address, 1),
            };
            var validators = chain.Store.GetValidatorSet(1)!;
            var header = new BlockHeader
            {
                ChainId = chain.ChainId,
                Height = 1,
                TimeMs = genesis.GenesisTimeMs + 5_000,
                PreviousBlockHash = default,
                LastCommitHash = default,
                TransactionsRoot = MerkleList.Root([.. transactions.Select(t => t.Hash)]),
                ReceiptsRoot = MerkleList.Root([.. receipts.Select(r => r.Hash)]),
                StateRoot = stateRoot,
                ValidatorsHash = validators.Hash,
                NextValidatorsHash = chain.Store.GetValidatorSet(2)!.Hash,
                EvidenceHash = Block.ComputeEvidenceHash([]),
                ProposerAddress = validators[0].Address,
            };

            // A header that lies about any root is refused and leaves the store as it was.
            foreach (var lie in new[] { header with { StateRoot = Hash256.Compute("lie"u8) }, header with { ReceiptsRoot = Hash256.Compute("lie"u8) }, header with { TransactionsRoot = Hash256.Compute("lie"u8) } })
            {
                Assert.False(chain.TryCommit(new Block(lie, transactions, null, [])).IsSuccess);
                Assert.Equal(0UL, chain.Height);
            }

            block = chain.Commit(new Block(header, transactions, null, []));
            certificate = chain.CommitFor(block);
        }

        // Restart: the database is closed and reopened from disk; nothing survives but what RocksDB holds.
        using (var store = RocksDbStore.Open(rocks))
        {
            var rules = ChainRules.WithLedgerBuiltIns().Freeze();
            var restarted = new ChainStore(store, rules, new ChainStoreOptions { SyncCommits = false });
            Assert.Equal(1UL, restarted.Height);
            var reread = restarted.GetBlock(1)!;
            Assert.Equal(block.Encode(), reread.Encode());
            var header = reread.Header;
            Assert.Equal(header, restarted.Head.LastHeader);

            // The header is final: its commit certificate verifies with the validator set it names, alone.
            var validators = restarted.GetValidatorSet(1)!;
            Assert.Equal(header.ValidatorsHash, validators.Hash);
            Assert.Equal(header.Hash(), certificate.BlockHash);
            Assert.True(certificate.Verify(header.ChainId, validators).IsSuccess);

            // Each transaction, found through the index, is proven included by an audit path to the transactions
            // root, and its receipt to the receipts root; a path proves nothing at another position.
            var hashes = reread.Transactions.Select(t => t.Hash).ToArray();
            var storedReceipts = restarted.GetReceipts(1)!;
            var receiptHashes = storedReceipts.Select(r => r.Hash).ToArray();
            foreach (var tx in transactions)
            {
                var location = restarted.FindTransaction(tx.Hash)!.Value;
                Assert.Equal(1UL, location.Height);
                var path = MerkleList.Prove(hashes, location.Index);
                Assert.True(MerkleList.Verify(header.TransactionsRoot, tx.Hash, location.Index, hashes.Length, path));
                Assert.False(MerkleList.Verify(header.TransactionsRoot, tx.Hash, (location.Index + 1) % hashes.Length, hashes.Length, path));
                var receipt = storedReceipts[location.Index];
                Assert.True(receipt.Success);
                Assert.Equal(tx.Hash, receipt.TransactionHash);
                Assert.True(MerkleList.Verify(header.ReceiptsRoot, receipt.Hash, location.Index, receiptHashes.Length, MerkleList.Prove(receiptHashes, location.Index)));
            }

            // Every account the block touched is proven against the header's state root, through an encoded proof;
            // a changed value fails; an account that does not exist is proven absent.
            foreach (var (address, account) in expected)
            {
                var key = AccountState.Key(address);
                var proof = Canonical.Decode<StateProof>(Canonical.Encode(restarted.Prove(1, key)!));
                Assert.True(proof.VerifyInclusion(header.StateRoot, key, StateHashing.ValueHash(Canonical.Encode(account))));
                Assert.False(proof.VerifyInclusion(header.StateRoot, key, StateHashing.ValueHash(Canonical.Encode(account with { Balance = account.Balance + 1 }))));
                Assert.True(restarted.GetWithProof(1, key)!.Verify(header.StateRoot));
            }

            var nobody = AccountState.Key(Keys.Account(15).Address);
            Assert.True(restarted.Prove(1, nobody)!.VerifyExclusion(header.StateRoot, nobody));

            // And the reopened chain goes on from there.
            var chain = new TestChain(genesis, store);
            Assert.Equal(2UL, chain.CommitNext(Build.A.Transaction.From(alice).Nonce(2).Transfer(carol, 1).Signed()).Height);
        }
    }

    private static Receipt TransferReceipt(SignedTransaction transaction, Address from, Address to, ulong amount) =>
        new(transaction.Hash, Outcome.Success, [new ReceiptEvent("transfer", [new("from", from.ToString()), new("to", to.ToString()), new("amount", amount.ToString(CultureInfo.InvariantCulture))])]);
}
