namespace DaiChain.Ledger;

/// <summary>
/// The result of a check: success, or a stable machine-readable code (<c>snake_case</c>, never reworded) and a
/// sentence a person can act on.
/// </summary>
/// <remarks>
/// Codes are part of the interface: RPC clients, receipts and tests match on them, so a code, once shipped,
/// keeps its meaning. Messages may improve freely.
/// </remarks>
public readonly record struct Outcome
{
    private Outcome(string? code, string? message)
    {
        Code = code;
        Message = message;
    }

    public static Outcome Success => default;

    /// <summary>Null on success.</summary>
    public string? Code { get; }

    /// <summary>Null on success.</summary>
    public string? Message { get; }

    public bool IsSuccess => Code is null;

    public static Outcome Fail(string code, string message)
    {
        ArgumentException.ThrowIfNullOrEmpty(code);
        ArgumentException.ThrowIfNullOrEmpty(message);
        return new Outcome(code, message);
    }

    public override string ToString() => IsSuccess ? "ok" : $"{Code}: {Message}";
}
