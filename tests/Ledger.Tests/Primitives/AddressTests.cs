using DaiChain.Ledger.Primitives;
using DaiChain.TestKit;

namespace DaiChain.Ledger.Tests.Primitives;

public class AddressTests
{
    [Fact]
    public void Is_the_last_twenty_bytes_of_the_public_key_hash()
    {
        var key = new byte[65];
        key[0] = 0x04;
        key[64] = 7;
        var digest = Hash256.Compute(key).ToArray();
        Assert.Equal(digest[12..], Address.FromUncompressedPublicKey(key).ToArray());
    }

    [Fact]
    public void Rejects_keys_that_are_not_uncompressed()
    {
        Assert.Throws<ArgumentException>(() => Address.FromUncompressedPublicKey(new byte[33]));
        Assert.Throws<ArgumentException>(() => Address.FromUncompressedPublicKey(new byte[65]));
    }

    [Fact]
    public void Parses_what_it_prints()
    {
        Property.ForAll(seed: 12, random =>
        {
            var address = new Address(random.Bytes(20, 20));
            Assert.StartsWith("0x", address.ToString(), StringComparison.Ordinal);
            Assert.Equal(address, Address.Parse(address.ToString()));
            Assert.Equal(address, Address.Parse(address.ToString()[2..]));
        });
    }

    [Fact]
    public void Rejects_wrong_lengths()
    {
        Assert.Throws<FormatException>(() => Address.Parse("0x1234"));
        Assert.False(Address.TryParse(null, out _));
    }
}
