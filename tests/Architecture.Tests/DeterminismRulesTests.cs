namespace DaiChain.Architecture.Tests;

/// <summary>
/// Consensus-critical assemblies must not read the wall clock, sleep or draw unseeded randomness:
/// time comes from an injected <see cref="TimeProvider"/>, randomness from an injected seed.
/// </summary>
public class DeterminismRulesTests
{
    private static readonly string[] Forbidden =
    [
        "System.DateTime::get_Now",
        "System.DateTime::get_UtcNow",
        "System.DateTimeOffset::get_Now",
        "System.DateTimeOffset::get_UtcNow",
        "System.Environment::get_TickCount",
        "System.Environment::get_TickCount64",
        "System.Threading.Thread::Sleep",
        "System.Random::get_Shared",
        "System.Math::FusedMultiplyAdd",
    ];

    [Theory]
    [InlineData("DaiChain.Consensus")]
    [InlineData("DaiChain.Ledger")]
    [InlineData("DaiChain.ModelRegistry")]
    public void Consensus_critical_code_reads_no_clock_and_no_unseeded_randomness(string assembly)
    {
        var members = AssemblyReferences.Read(assembly).Members;
        var offending = members.Where(m => Forbidden.Contains(m, StringComparer.Ordinal)).Distinct().ToList();
        Assert.True(offending.Count == 0, $"{assembly} calls {string.Join(", ", offending)}; inject a TimeProvider or a seed instead");
    }

    [Fact]
    public void The_rule_sees_member_references()
    {
        // The rule is only worth something if the reader finds calls: the test assembly itself calls these.
        var members = AssemblyReferences.Read("DaiChain.Architecture.Tests").Members;
        Assert.Contains("System.StringComparer::get_Ordinal", members);
    }
}
