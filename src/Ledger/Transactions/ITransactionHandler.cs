namespace DaiChain.Ledger.Transactions;

/// <summary>
/// Executes one kind of transaction. Registered by kind id in a <see cref="TransactionHandlerRegistry"/>, so
/// other projects add kinds without touching Ledger.
/// </summary>
/// <remarks>
/// A handler must be deterministic: its result may depend only on the context (state, sender, block height and
/// time, parameters), never on the clock, randomness, the machine or unordered iteration. Nonces are the
/// executor's business: a handler never reads or writes them. A failure returns an <see cref="Outcome"/>; the
/// executor then discards every write the handler made. Exceptions other than a payload
/// <see cref="Encoding.CodecException"/> are bugs and stop the node.
/// </remarks>
public interface ITransactionHandler
{
    ushort Kind { get; }

    /// <summary>A short lower-case name for logs and RPC (<c>transfer</c>, <c>bond</c>).</summary>
    string Name { get; }

    /// <summary>Stateless checks of the payload (decoding, ranges), done in the mempool before any state is read.</summary>
    Outcome CheckPayload(ReadOnlySpan<byte> payload);

    /// <summary>Applies the transaction to <see cref="TransactionContext.State"/>.</summary>
    Outcome Execute(TransactionContext context);
}
