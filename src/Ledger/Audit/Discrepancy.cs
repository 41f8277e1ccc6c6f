namespace DaiChain.Ledger.Audit;

/// <summary>What an audit found wrong, and where: the first failed check stops the audit at that height.</summary>
/// <param name="Height">The block height being verified when the check failed.</param>
/// <param name="Code">A stable code (<see cref="AuditCodes"/>, or a block rejection code that passes through).</param>
/// <param name="Subject">What differs: <c>header</c>, <c>commit certificate</c>, <c>receipt 3</c>, <c>state value 0x..</c>.</param>
/// <param name="Message">A sentence for people.</param>
public sealed record Discrepancy(ulong Height, string Code, string Subject, string Message)
{
    public override string ToString() => $"height {Height}: {Subject}: {Message} ({Code})";
}
