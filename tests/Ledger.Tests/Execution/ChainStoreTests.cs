using DaiChain.Ledger.Accounts;
using DaiChain.Ledger.Chain;
using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Execution;
using DaiChain.Ledger.State;
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
    public void A_hand_made_block_is_executed_committed_reread_after_restart_and_proven_against_its_header()
    {
        var store = TestChain.NewMemoryStore();
        var chain = new TestChain(store: store);
        var alice = Keys.Account(0);
        var carol = Keys.Account(7).Address;

        // Build the block by hand: execute its transactions on the head to learn the roots, then write the header.
        var transactions = new[] { Build.A.Transaction.From(alice).Transfer(carol, 4_242).Signed() };
        var validators = chain.Store.GetValidatorSet(1)!;
        var draft = new BlockHeader
        {
            ChainId = chain.ChainId,
            Height = 1,
            TimeMs = chain.Genesis.GenesisTimeMs + 5_000,
            PreviousBlockHash = default,
            LastCommitHash = default,
            TransactionsRoot = Block.ComputeTransactionsRoot(transactions),
            ReceiptsRoot = default,
            StateRoot = default,
            ValidatorsHash = validators.Hash,
            NextValidatorsHash = chain.Store.GetValidatorSet(2)!.Hash,
            EvidenceHash = Block.ComputeEvidenceHash([]),
            ProposerAddress = validators[0].Address,
        };
        var wrong = chain.Executor.TryExecute(chain.Head, new Block(draft, transactions, null, []), out _);
        Assert.Equal("block_bad_state_root", wrong.Code);
        var (proposal, _) = chain.Propose(transactions, timeMs: draft.TimeMs);
        var header = draft with { StateRoot = proposal.Header.StateRoot, ReceiptsRoot = proposal.Header.ReceiptsRoot };
        var block = new Block(header, transactions, null, []);
        Assert.Equal(proposal.Hash, block.Hash);

        Assert.True(chain.Executor.TryExecute(chain.Head, block, out var result).IsSuccess);
        chain.Store.Commit(block, result!);

        // Restart: a new store object over the same data, no caches.
        var restarted = new ChainStore(store, chain.Rules, new ChainStoreOptions { SyncCommits = false });
        Assert.Equal(1UL, restarted.Height);
        var reread = restarted.GetBlock(1)!;
        Assert.Equal(block.Encode(), reread.Encode());

        // Prove Carol's balance against the header alone.
        var key = AccountState.Key(carol);
        var proof = Canonical.Decode<StateProof>(Canonical.Encode(restarted.Prove(1, key)!));
        var value = Canonical.Encode(new Account { Balance = 4_242 });
        Assert.True(proof.VerifyInclusion(reread.Header.StateRoot, key, StateHashing.ValueHash(value)));
        Assert.False(proof.VerifyInclusion(reread.Header.StateRoot, key, StateHashing.ValueHash(Canonical.Encode(new Account { Balance = 4_243 }))));

        // And an account that does not exist is proven absent.
        var nobody = AccountState.Key(Keys.Account(15).Address);
        Assert.True(restarted.Prove(1, nobody)!.VerifyExclusion(reread.Header.StateRoot, nobody));
    }
}
