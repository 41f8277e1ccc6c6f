namespace DaiChain.Node.Api;

/// <summary>The registered name of a transaction kind, for RPC views.</summary>
internal interface ITransactionHandlerNames
{
    string NameOf(ushort kind);
}
