using DaiChain.Ledger.Transactions;
using DaiChain.TestKit;

namespace DaiChain.Ledger.Tests.Execution;

public sealed class TransferExecutionTests
{
    [Fact]
    public void A_transfer_moves_tokens_consumes_the_nonce_and_emits_an_event()
    {
        var chain = new TestChain();
        var (alice, bob) = (Keys.Account(0), Keys.Account(1).Address);
        var block = chain.CommitNext(Build.A.Transaction.From(alice).Transfer(bob, 250, "rent").Signed());
        var receipt = chain.ReceiptsOf(block).Single();
        Assert.True(receipt.Success, receipt.ToString());
        Assert.Equal(999_750UL, chain.AccountOf(alice.Address).Balance);
        Assert.Equal(1UL, chain.AccountOf(alice.Address).Nonce);
        Assert.Equal(1_000_250UL, chain.AccountOf(bob).Balance);
        Assert.Equal("transfer", receipt.Events.Single().Type);
        Assert.Equal("250", receipt.Events.Single()["amount"]);
    }

    [Fact]
    public void Transfers_to_new_accounts_and_to_oneself_work()
    {
        var chain = new TestChain();
        var alice = Keys.Account(0);
        var stranger = Keys.Account(9).Address;
        chain.CommitNext(
            Build.A.Transaction.From(alice).Nonce(0).Transfer(stranger, 7).Signed(),
            Build.A.Transaction.From(alice).Nonce(1).Transfer(alice.Address, 100).Signed());
        Assert.Equal(7UL, chain.AccountOf(stranger).Balance);
        Assert.Equal(999_993UL, chain.AccountOf(alice.Address).Balance);
        Assert.Equal(2UL, chain.AccountOf(alice.Address).Nonce);
    }

    [Fact]
    public void Insufficient_balance_fails_and_changes_nothing_but_the_nonce()
    {
        var chain = new TestChain();
        var alice = Keys.Account(0);
        chain.FailsWith(Build.A.Transaction.From(alice).Transfer(Keys.Account(1).Address, 1_000_001).Signed(), ErrorCodes.InsufficientBalance, alice.Address, [Keys.Account(1).Address]);
    }

    [Fact]
    public void An_account_with_nothing_cannot_send()
    {
        var chain = new TestChain();
        var poor = Keys.Account(12);
        chain.FailsWith(Build.A.Transaction.From(poor).Transfer(Keys.Account(1).Address, 1).Signed(), ErrorCodes.InsufficientBalance, poor.Address);
    }

    [Fact]
    public void A_malformed_payload_fails_in_the_mempool_and_makes_a_block_invalid()
    {
        var chain = new TestChain();
        var tx = Build.A.Transaction.From(Keys.Account(0)).Raw(TransactionKinds.Transfer, [1, 2, 3]).Signed();
        var envelope = chain.Executor.CheckEnvelope(chain.ChainId, tx, out _);
        Assert.Equal(ErrorCodes.MalformedPayload, envelope.Code);
        var zeroAmount = Build.A.Transaction.From(Keys.Account(0)).Transfer(Keys.Account(1).Address, 0).Signed();
        Assert.Equal(ErrorCodes.InvalidAmount, chain.Executor.CheckEnvelope(chain.ChainId, zeroAmount, out _).Code);
    }

    [Fact]
    public void Nonces_must_be_exactly_next_and_a_wrong_nonce_changes_nothing()
    {
        var chain = new TestChain();
        var alice = Keys.Account(0);
        chain.FailsWith(Build.A.Transaction.From(alice).Nonce(1).Signed(), ErrorCodes.NonceTooHigh, alice.Address, nonceConsumed: false);
        chain.CommitNext(Build.A.Transaction.From(alice).Nonce(0).Signed());
        chain.FailsWith(Build.A.Transaction.From(alice).Nonce(0).Transfer(Keys.Account(2).Address, 3).Signed(), ErrorCodes.NonceTooLow, alice.Address, nonceConsumed: false);
    }

    [Fact]
    public void A_failed_transaction_consumes_its_nonce_so_it_cannot_run_twice()
    {
        var chain = new TestChain();
        var alice = Keys.Account(0);
        var tooMuch = Build.A.Transaction.From(alice).Transfer(Keys.Account(1).Address, 2_000_000).Signed();
        chain.FailsWith(tooMuch, ErrorCodes.InsufficientBalance, alice.Address);
        chain.CommitNext(Build.A.Transaction.From(Keys.Account(1)).Transfer(alice.Address, 1_000_000).Signed());
        chain.FailsWith(tooMuch, ErrorCodes.NonceTooLow, alice.Address, nonceConsumed: false);
        Assert.NotNull(chain.Store.FindTransaction(tooMuch.Hash));
    }

    [Fact]
    public void The_proposer_leaves_out_transactions_whose_nonce_is_not_next()
    {
        var chain = new TestChain();
        var alice = Keys.Account(0);
        var (block, result) = chain.Propose([
            Build.A.Transaction.From(alice).Nonce(0).Signed(),
            Build.A.Transaction.From(alice).Nonce(5).Signed(),
            Build.A.Transaction.From(alice).Nonce(1).Signed(),
            Build.A.Transaction.From(alice).Nonce(1).Transfer(Keys.Account(2).Address, 1).Signed(),
        ]);
        Assert.Equal([0UL, 1UL], block.Transactions.Select(t => t.Nonce));
        Assert.All(result.Receipts, r => Assert.True(r.Success));
    }
}
