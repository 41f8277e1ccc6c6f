using DaiChain.Ledger.Audit;

namespace DaiChain.Node.Audit;

/// <summary>One discrepancy, as RPC reports it.</summary>
public sealed record DiscrepancyView(ulong Height, string Code, string Subject, string Message)
{
    public static DiscrepancyView From(Discrepancy d) => new(d.Height, d.Code, d.Subject, d.Message);
}
