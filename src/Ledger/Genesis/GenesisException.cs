namespace DaiChain.Ledger.Genesis;

/// <summary>A genesis file that cannot be used; the message lists every problem found.</summary>
public sealed class GenesisException : Exception
{
    public GenesisException(string source, IReadOnlyList<string> problems)
        : base($"{source} is not a valid genesis:\n  - {string.Join("\n  - ", problems)}")
    {
        Problems = problems;
    }

    public GenesisException()
        : this("genesis", [])
    {
    }

    public GenesisException(string message)
        : base(message)
    {
        Problems = [message];
    }

    public GenesisException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [message];
    }

    public IReadOnlyList<string> Problems { get; } = [];
}
