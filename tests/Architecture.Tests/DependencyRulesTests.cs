namespace DaiChain.Architecture.Tests;

/// <summary>
/// The dependency rules of ARCHITECTURE.md, checked on the built assemblies:
/// Node -> {Consensus, ModelRegistry} -> Ledger, and nothing else between DaiChain projects.
/// </summary>
public class DependencyRulesTests
{
    private const string Ledger = "DaiChain.Ledger";
    private const string Consensus = "DaiChain.Consensus";
    private const string ModelRegistry = "DaiChain.ModelRegistry";
    private const string Node = "daichain";

    private static readonly string[] NetworkAssemblies =
    [
        "System.Net.Sockets", "System.Net.Http", "System.Net.WebSockets", "System.Net.Security",
        "Microsoft.AspNetCore", "Microsoft.AspNetCore.Http", "Microsoft.AspNetCore.Server.Kestrel",
    ];

    [Fact]
    public void Ledger_references_no_DaiChain_project()
    {
        Assert.Empty(DaiChainReferences(Ledger));
    }

    [Theory]
    [InlineData(Consensus)]
    [InlineData(ModelRegistry)]
    public void Consensus_and_ModelRegistry_reference_nothing_but_Ledger(string assembly)
    {
        var others = DaiChainReferences(assembly).Where(a => a != Ledger).ToList();
        Assert.True(others.Count == 0, $"{assembly} references {string.Join(", ", others)}; it may reference only {Ledger}");
    }

    [Theory]
    [InlineData(Ledger)]
    [InlineData(Consensus)]
    [InlineData(ModelRegistry)]
    public void Only_Node_touches_sockets_or_HTTP(string assembly)
    {
        var offending = AssemblyReferences.Read(assembly).Assemblies
            .Where(a => NetworkAssemblies.Any(n => a.Equals(n, StringComparison.Ordinal) || a.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal)))
            .ToList();
        Assert.True(offending.Count == 0, $"{assembly} references {string.Join(", ", offending)}; the network belongs to Node");
    }

    [Fact]
    public void Nothing_references_the_Node()
    {
        foreach (var assembly in new[] { Ledger, Consensus, ModelRegistry })
        {
            Assert.DoesNotContain(Node, DaiChainReferences(assembly));
        }
    }

    private static List<string> DaiChainReferences(string assembly) =>
        AssemblyReferences.Read(assembly).Assemblies
            .Where(a => a.StartsWith("DaiChain.", StringComparison.Ordinal) || a == Node)
            .ToList();
}
