namespace DaiChain.Ledger.Transactions;

/// <summary>
/// Kind ids of the transactions Ledger handles itself. Other projects register their kinds in their own
/// range (ModelRegistry: 100-199) with <see cref="TransactionHandlerRegistry"/>.
/// </summary>
public static class TransactionKinds
{
    public const ushort Transfer = 1;
    public const ushort Bond = 2;
    public const ushort Unbond = 3;
    public const ushort Propose = 4;
    public const ushort VoteOnProposal = 5;

    /// <summary>The first kind id reserved for ModelRegistry.</summary>
    public const ushort ModelRegistryFirst = 100;

    /// <summary>The last kind id reserved for ModelRegistry.</summary>
    public const ushort ModelRegistryLast = 199;
}
