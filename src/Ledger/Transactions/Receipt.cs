using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Primitives;

namespace DaiChain.Ledger.Transactions;

/// <summary>The result of executing one transaction in a block: success or a stable error code, a message, and events.</summary>
/// <remarks>
/// Encoding: version <c>u8 = 1</c>, transaction hash, success <c>bool</c>, code <c>string&lt;64&gt;</c> (empty on
/// success), events <c>list&lt;ReceiptEvent, 64&gt;</c>, message <c>string&lt;1024&gt;</c>. <see cref="Hash"/> covers
/// everything but the message (SHA-256 of the encoding up to the message), so wording can improve between
/// releases without changing the receipts root; codes and events are consensus.
/// </remarks>
public sealed class Receipt : ICanonicalEncodable<Receipt>
{
    public const int MaxCodeBytes = 64;
    public const int MaxMessageBytes = 1024;
    public const int MaxEvents = 64;
    private const byte Version1 = 1;

    private readonly ReceiptEvent[] _events;

    public Receipt(Hash256 transactionHash, Outcome outcome, IReadOnlyList<ReceiptEvent> events)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(events.Count, MaxEvents);
        TransactionHash = transactionHash;
        Success = outcome.IsSuccess;
        Code = outcome.Code ?? string.Empty;
        Message = Truncate(outcome.Message ?? string.Empty);
        _events = outcome.IsSuccess ? [.. events] : [];
        Hash = ComputeHash();
    }

    private Receipt(Hash256 transactionHash, bool success, string code, ReceiptEvent[] events, string message)
    {
        TransactionHash = transactionHash;
        Success = success;
        Code = code;
        _events = events;
        Message = message;
        Hash = ComputeHash();
    }

    public Hash256 TransactionHash { get; }

    public bool Success { get; }

    /// <summary>Empty on success, else a stable code such as <c>insufficient_balance</c>.</summary>
    public string Code { get; }

    public string Message { get; }

    /// <summary>Events of a successful transaction; a failed one has none.</summary>
    public IReadOnlyList<ReceiptEvent> Events => _events;

    /// <summary>The receipt's leaf in the receipts root.</summary>
    public Hash256 Hash { get; }

    public void Encode(ref CanonicalWriter writer)
    {
        EncodeHashed(ref writer);
        writer.WriteString(Message, MaxMessageBytes);
    }

    public static Receipt Decode(ref CanonicalReader reader)
    {
        _ = reader.ReadVersion("receipt.version", Version1);
        var txHash = reader.ReadHash("receipt.tx_hash");
        var success = reader.ReadBool("receipt.success");
        var at = reader.Position;
        var code = reader.ReadString("receipt.code", MaxCodeBytes);
        if (success != (code.Length == 0))
        {
            throw new CodecException("receipt.code", at, "a successful receipt has no code and a failed one has a code");
        }

        var events = reader.ReadList("receipt.events", MaxEvents, ReceiptEvent.Decode);
        if (!success && events.Length > 0)
        {
            throw new CodecException("receipt.events", at, "a failed transaction has no events");
        }

        var message = reader.ReadString("receipt.message", MaxMessageBytes);
        return new Receipt(txHash, success, code, events, message);
    }

    public override string ToString() => Success ? $"receipt {TransactionHash}: ok" : $"receipt {TransactionHash}: {Code}: {Message}";

    private void EncodeHashed(ref CanonicalWriter writer)
    {
        writer.WriteByte(Version1);
        writer.WriteHash(TransactionHash);
        writer.WriteBool(Success);
        writer.WriteString(Code, MaxCodeBytes);
        writer.WriteList(_events, MaxEvents, static (ref CanonicalWriter w, ReceiptEvent e) => e.Encode(ref w));
    }

    private Hash256 ComputeHash()
    {
        var writer = new CanonicalWriter(stackalloc byte[256]);
        try
        {
            EncodeHashed(ref writer);
            return Hash256.Compute(writer.WrittenSpan);
        }
        finally
        {
            writer.Dispose();
        }
    }

    private static string Truncate(string message)
    {
        if (System.Text.Encoding.UTF8.GetByteCount(message) <= MaxMessageBytes)
        {
            return message;
        }

        var cut = message.Length;
        while (System.Text.Encoding.UTF8.GetByteCount(message.AsSpan(0, cut)) > MaxMessageBytes - 3)
        {
            cut = Math.Max(0, cut - 16);
        }

        if (cut > 0 && char.IsHighSurrogate(message[cut - 1]))
        {
            cut--;
        }

        return string.Concat(message.AsSpan(0, cut), "...");
    }
}
