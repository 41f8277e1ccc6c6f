namespace DaiChain.Ledger.Genesis;

/// <summary>A parsed genesis, or the problems that prevent it (each naming its field).</summary>
public sealed record GenesisParseResult(GenesisDocument? Document, IReadOnlyList<string> Problems)
{
    public bool IsValid => Document is not null && Problems.Count == 0;
}
