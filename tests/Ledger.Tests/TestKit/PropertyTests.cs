using DaiChain.TestKit;

namespace DaiChain.Ledger.Tests.TestKit;

public class PropertyTests
{
    [Fact]
    public void Case_seeds_are_the_same_in_every_process()
    {
        // Pinned values: a change here means recorded failure seeds no longer reproduce.
        Assert.Equal(Property.CaseSeed(1, 0), Property.CaseSeed(1, 0));
        Assert.NotEqual(Property.CaseSeed(1, 0), Property.CaseSeed(1, 1));
        Assert.NotEqual(Property.CaseSeed(1, 0), Property.CaseSeed(2, 0));
        Assert.Equal(608_795_752, Property.CaseSeed(7, 3));
    }

    [Fact]
    public void Failures_name_the_seed_and_case()
    {
        var error = Assert.Throws<PropertyFailedException>(() =>
            Property.ForAll(seed: 5, random => Assert.True(random.Next(10) < 0), cases: 3));
        Assert.Contains("case 0", error.Message, StringComparison.Ordinal);
        Assert.Contains($"Property.Replay({Property.CaseSeed(5, 0)}", error.Message, StringComparison.Ordinal);
    }
}
