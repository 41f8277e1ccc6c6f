using DaiChain.Ledger.Storage;

namespace DaiChain.Ledger.Tests.Storage;

public sealed class KeyRangeTests
{
    [Theory]
    [InlineData("01", "02")]
    [InlineData("01FF", "02")]
    [InlineData("00FFFF", "01")]
    [InlineData("7F", "80")]
    [InlineData("FE", "FF")]
    public void Prefix_upper_bound_is_the_smallest_key_after_the_prefix(string prefix, string bound)
    {
        Assert.Equal(Convert.FromHexString(bound), KeyRange.PrefixUpperBound(Convert.FromHexString(prefix)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("FF")]
    [InlineData("FFFFFF")]
    public void Prefix_of_only_FF_bytes_has_no_upper_bound(string prefix)
    {
        Assert.Null(KeyRange.PrefixUpperBound(Convert.FromHexString(prefix)));
    }
}
