using DaiChain.Ledger.Storage;

namespace DaiChain.Ledger.Tests.Storage;

public sealed class ColumnFamilyTests
{
    [Fact]
    public void Equal_names_are_equal_column_families()
    {
        Assert.Equal(new ColumnFamily("blocks"), new ColumnFamily("blocks"));
        Assert.NotEqual(new ColumnFamily("blocks"), new ColumnFamily("Blocks"));
        Assert.Equal("default", ColumnFamily.Default.Name);
        Assert.Equal("state.v1", new ColumnFamily("state.v1").ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("slash/")]
    [InlineData("é")]
    public void Rejects_names_outside_the_safe_alphabet(string name)
    {
        Assert.ThrowsAny<ArgumentException>(() => new ColumnFamily(name));
    }

    [Fact]
    public void Rejects_names_longer_than_the_limit()
    {
        Assert.Throws<ArgumentException>(() => new ColumnFamily(new string('a', ColumnFamily.NameLengthMax + 1)));
        Assert.Equal(ColumnFamily.NameLengthMax, new ColumnFamily(new string('a', ColumnFamily.NameLengthMax)).Name.Length);
    }
}
