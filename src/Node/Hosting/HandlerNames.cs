using DaiChain.Ledger.Execution;
using DaiChain.Node.Api;

namespace DaiChain.Node.Hosting;

/// <summary>Transaction kind names from the chain rules' handler registry.</summary>
internal sealed class HandlerNames(ChainRules rules) : ITransactionHandlerNames
{
    public string NameOf(ushort kind) => rules.Handlers.Find(kind)?.Name ?? "unknown";
}
