namespace DaiChain.ModelRegistry.Queries;

/// <summary>Which way a lineage query walks.</summary>
public enum LineageDirection
{
    Ancestors,
    Descendants,
    Both,
}
