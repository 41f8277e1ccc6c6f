using DaiChain.Ledger.Execution;
using DaiChain.Ledger.Primitives;
using DaiChain.Ledger.State;

namespace DaiChain.Ledger.Transactions;

/// <summary>What a handler sees while executing one transaction.</summary>
public sealed class TransactionContext
{
    private readonly List<ReceiptEvent> _events = [];

    public TransactionContext(BlockContext block, SignedTransaction transaction, Address sender, IStateAccess state, bool isCheck)
    {
        Block = block;
        Transaction = transaction;
        Sender = sender;
        State = state;
        IsCheck = isCheck;
    }

    public BlockContext Block { get; }

    public SignedTransaction Transaction { get; }

    /// <summary>The address recovered from the signature.</summary>
    public Address Sender { get; }

    /// <summary>The state as of this transaction; writes stay in an overlay until the transaction succeeds.</summary>
    public IStateAccess State { get; }

    /// <summary>True in a mempool admission check, where the result is thrown away.</summary>
    public bool IsCheck { get; }

    public IReadOnlyList<ReceiptEvent> Events => _events;

    public void Emit(string type, params (string Key, string Value)[] attributes)
    {
        if (_events.Count >= Receipt.MaxEvents)
        {
            throw new InvalidOperationException($"a transaction emits at most {Receipt.MaxEvents} events");
        }

        _events.Add(new ReceiptEvent(type, attributes.Select(a => new KeyValuePair<string, string>(a.Key, a.Value))));
    }
}
