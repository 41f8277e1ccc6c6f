using DaiChain.Ledger.Encoding;

namespace DaiChain.Ledger.Transactions;

/// <summary>A handler whose payload is one canonically encoded <typeparamref name="TPayload"/>.</summary>
public abstract class TransactionHandler<TPayload> : ITransactionHandler
    where TPayload : ICanonicalEncodable<TPayload>
{
    public abstract ushort Kind { get; }

    public abstract string Name { get; }

    public Outcome CheckPayload(ReadOnlySpan<byte> payload)
    {
        var decoded = TryDecode(payload, out var outcome);
        return decoded is null ? outcome : Validate(decoded);
    }

    public Outcome Execute(TransactionContext context)
    {
        var payload = TryDecode(context.Transaction.Payload.Span, out var outcome);
        if (payload is null)
        {
            return outcome;
        }

        var valid = Validate(payload);
        return valid.IsSuccess ? Execute(context, payload) : valid;
    }

    /// <summary>Stateless checks of a decoded payload.</summary>
    protected virtual Outcome Validate(TPayload payload) => Outcome.Success;

    protected abstract Outcome Execute(TransactionContext context, TPayload payload);

    private TPayload? TryDecode(ReadOnlySpan<byte> payload, out Outcome outcome)
    {
        try
        {
            outcome = Outcome.Success;
            return Canonical.Decode<TPayload>(payload);
        }
        catch (CodecException e)
        {
            outcome = Outcome.Fail(ErrorCodes.MalformedPayload, $"the {Name} payload is not valid: {e.Message}");
            return default;
        }
    }
}
