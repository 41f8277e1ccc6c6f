namespace DaiChain.EndToEnd.Tests;

/// <summary>One cluster at a time: five node processes already fill two cores.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EndToEndCollection
{
    public const string Name = "end-to-end";
}
