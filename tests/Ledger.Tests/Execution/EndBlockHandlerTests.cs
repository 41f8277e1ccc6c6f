using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Execution;
using DaiChain.Ledger.State;
using DaiChain.Ledger.Transactions;
using DaiChain.TestKit;

namespace DaiChain.Ledger.Tests.Execution;

public sealed class EndBlockHandlerTests
{
    [Fact]
    public void Registered_steps_run_after_the_transactions_of_every_block_and_their_writes_are_committed()
    {
        var rules = ChainRules.WithLedgerBuiltIns();
        var step = new CountingStep();
        rules.EndBlockHandlers.Register(step);
        var chain = new TestChain(rules: rules.Freeze());

        chain.CommitNext(Build.A.Transaction.Signed());
        chain.CommitNext();

        // Each block runs twice here: once proposed, once checked as a peer would.
        Assert.Equal([1UL, 1UL, 2UL, 2UL], step.Heights);
        Assert.Equal(2UL, CountingStep.Read(chain.Head.State));
        Assert.Equal(1, step.TransactionsSeenInBlockOne);
    }

    [Fact]
    public void Names_are_unique_and_registration_closes_when_frozen()
    {
        var rules = ChainRules.WithLedgerBuiltIns();
        rules.EndBlockHandlers.Register(new CountingStep());
        Assert.Throws<ArgumentException>(() => rules.EndBlockHandlers.Register(new CountingStep()));
        rules.Freeze();
        Assert.Throws<InvalidOperationException>(() => rules.EndBlockHandlers.Register(new CountingStep()));
    }

    private sealed class CountingStep : IEndBlockHandler
    {
        private static readonly DaiChain.Ledger.Primitives.Hash256 Key = StateKeys.For("test", "end_block_count");

        public List<ulong> Heights { get; } = [];

        public int TransactionsSeenInBlockOne { get; private set; }

        public string Name => "counting";

        public static ulong Read(IStateReader state)
        {
            var bytes = state.Get(Key);
            if (bytes is null)
            {
                return 0;
            }

            var reader = new CanonicalReader(bytes);
            return reader.ReadVarUInt("count");
        }

        public void EndBlock(IStateAccess state, BlockContext block, List<ReceiptEvent> events)
        {
            Heights.Add(block.Height);
            if (block.Height == 1)
            {
                // The transfer's nonce is already consumed: the step runs after the transactions.
                TransactionsSeenInBlockOne = (int)DaiChain.Ledger.Accounts.AccountState.Get(state, Keys.Account(0).Address).Nonce;
            }

            var writer = new CanonicalWriter(stackalloc byte[10]);
            writer.WriteVarUInt(Read(state) + 1);
            state.Set(Key, writer.ToArray());
        }
    }
}
