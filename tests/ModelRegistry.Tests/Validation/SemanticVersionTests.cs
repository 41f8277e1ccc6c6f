using DaiChain.ModelRegistry.Validation;

namespace DaiChain.ModelRegistry.Tests.Validation;

public sealed class SemanticVersionTests
{
    [Theory]
    [InlineData("0.0.0")]
    [InlineData("1.2.3")]
    [InlineData("10.20.30")]
    [InlineData("1.0.0-alpha")]
    [InlineData("1.0.0-alpha.1")]
    [InlineData("1.0.0-0.3.7")]
    [InlineData("1.0.0-x.7.z.92")]
    [InlineData("1.0.0-x-y-z.--")]
    [InlineData("1.0.0+20130313144700")]
    [InlineData("1.0.0-beta+exp.sha.5114f85")]
    [InlineData("1.0.0+21AF26D3----117B344092BD")]
    [InlineData("18446744073709551615.0.0")]
    public void Valid_versions_parse(string text)
    {
        Assert.True(SemanticVersion.TryParse(text, out var version, out var problem), problem);
        Assert.Equal(text, version.Text);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1")]
    [InlineData("1.2")]
    [InlineData("1.2.3.4")]
    [InlineData("01.1.1")]
    [InlineData("1.01.1")]
    [InlineData("1.1.01")]
    [InlineData("1.2.3-0123")]
    [InlineData("1.2.3-")]
    [InlineData("1.2.3-alpha..1")]
    [InlineData("1.2.3+")]
    [InlineData("1.2.3+a..b")]
    [InlineData("v1.2.3")]
    [InlineData("1.2.3-a_b")]
    [InlineData("18446744073709551616.0.0")]
    [InlineData(" 1.2.3")]
    public void Invalid_versions_are_refused_with_a_reason(string text)
    {
        Assert.False(SemanticVersion.TryParse(text, out _, out var problem));
        Assert.False(string.IsNullOrWhiteSpace(problem));
    }

    [Fact]
    public void Precedence_follows_semver_2_0_0()
    {
        // The specification's own example chain, then the core numbers and build metadata.
        string[] ordered = ["1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "1.0.1", "1.1.0", "2.0.0", "2.1.0", "2.1.1", "10.0.0"];
        for (var i = 0; i + 1 < ordered.Length; i++)
        {
            Assert.True(SemanticVersion.Parse(ordered[i]) < SemanticVersion.Parse(ordered[i + 1]), $"{ordered[i]} < {ordered[i + 1]}");
            Assert.True(SemanticVersion.Parse(ordered[i + 1]) > SemanticVersion.Parse(ordered[i]));
        }

        Assert.Equal(0, SemanticVersion.Parse("1.0.0+a").CompareTo(SemanticVersion.Parse("1.0.0+b")));
        Assert.Equal("1.0.0-rc.1", SemanticVersion.Parse("1.0.0-rc.1+build.5").PrecedenceText);
        Assert.True(SemanticVersion.Parse("1.0.0-99999999999999999999") < SemanticVersion.Parse("1.0.0-100000000000000000000"));
        Assert.True(SemanticVersion.Parse("1.0.0-999") < SemanticVersion.Parse("1.0.0-a"));
    }
}
