using DaiChain.ModelRegistry.Validation;

namespace DaiChain.ModelRegistry.Tests.Validation;

public sealed class SpdxExpressionTests
{
    [Theory]
    [InlineData("MIT")]
    [InlineData("Apache-2.0")]
    [InlineData("GPL-2.0+")]
    [InlineData("GPL-2.0-only OR BSD-3-Clause")]
    [InlineData("LGPL-2.1-only AND BSD-3-Clause")]
    [InlineData("(LGPL-2.1 OR MIT)")]
    [InlineData("(LGPL-2.1 OR MIT) AND CC-BY-4.0")]
    [InlineData("GPL-2.0-or-later WITH Bison-exception-2.2")]
    [InlineData("LicenseRef-internal-1")]
    [InlineData("DocumentRef-spdx-tool-1.2:LicenseRef-MIT-Style-2")]
    [InlineData("((MIT OR Apache-2.0) AND (CC0-1.0))")]
    public void Expressions_from_the_specification_are_valid(string text) => Assert.Null(SpdxExpression.Problem(text));

    [Theory]
    [InlineData("")]
    [InlineData(" MIT")]
    [InlineData("MIT ")]
    [InlineData("MIT  AND BSD-3-Clause")]
    [InlineData("MIT AND")]
    [InlineData("AND MIT")]
    [InlineData("MIT or BSD-3-Clause")]
    [InlineData("(MIT")]
    [InlineData("MIT)")]
    [InlineData("MIT WITH")]
    [InlineData("MIT/BSD")]
    [InlineData("LicenseRef-")]
    [InlineData("MIT++")]
    [InlineData("MIT BSD-3-Clause")]
    public void Malformed_expressions_are_refused(string text) => Assert.NotNull(SpdxExpression.Problem(text));

    [Fact]
    public void Expressions_longer_than_the_limit_are_refused()
    {
        Assert.NotNull(SpdxExpression.Problem(string.Join(" OR ", Enumerable.Repeat("MIT", 40))));
    }
}
