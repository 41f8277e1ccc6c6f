namespace DaiChain.TestKit;

/// <summary>Fresh builders with sensible defaults.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Instance members so that builders read as Build.A.Genesis.")]
public sealed class Builders
{
    public GenesisBuilder Genesis => new();

    public TransactionBuilder Transaction => new();

    public TransactionBuilder Transfer => new TransactionBuilder().Transfer(Keys.Account(1).Address, 1);
}
