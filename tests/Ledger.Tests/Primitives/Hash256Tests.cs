using DaiChain.Ledger.Primitives;
using DaiChain.TestKit;

namespace DaiChain.Ledger.Tests.Primitives;

public class Hash256Tests
{
    [Fact]
    public void Computes_the_published_sha256_of_abc()
    {
        // FIPS 180-2, appendix B.1.
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Hash256.Compute("abc"u8).ToString());
    }

    [Fact]
    public void Two_part_hash_equals_hash_of_concatenation()
    {
        Assert.Equal(Hash256.Compute("abcdef"u8), Hash256.Compute("abc"u8, "def"u8));
    }

    [Fact]
    public void Two_part_hash_equals_hash_of_concatenation_for_any_split_and_size()
    {
        // Sizes straddle the stack buffer (1,024 bytes) so both the stack and the pooled path are covered.
        Property.ForAll(seed: 11, random =>
        {
            var whole = random.Bytes(0, 3_000);
            var split = random.Next(whole.Length + 1);
            Assert.Equal(Hash256.Compute(whole), Hash256.Compute(whole.AsSpan(0, split), whole.AsSpan(split)));
        });
        var large = new byte[1_025];
        Assert.Equal(Hash256.Compute(large), Hash256.Compute(large.AsSpan(0, 1_024), large.AsSpan(1_024)));
        Assert.Equal(Hash256.Compute(large.AsSpan(0, 1_024)), Hash256.Compute(large.AsSpan(0, 1_024), []));
    }

    [Fact]
    public void Parses_what_it_prints_with_or_without_prefix()
    {
        Property.ForAll(seed: 10, random =>
        {
            var hash = new Hash256(random.Bytes(32, 32));
            Assert.Equal(hash, Hash256.Parse(hash.ToString()));
            Assert.Equal(hash, Hash256.Parse("0x" + hash.ToString().ToUpperInvariant()));
        });
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("zz")]
    [InlineData("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015")]
    public void Rejects_malformed_text(string text)
    {
        Assert.False(Hash256.TryParse(text, out _));
        Assert.Throws<FormatException>(() => Hash256.Parse(text));
    }

    [Fact]
    public void Orders_as_unsigned_big_endian_bytes()
    {
        Property.ForAll(seed: 11, random =>
        {
            var a = random.Bytes(32, 32);
            var b = random.Bytes(32, 32);
            var expected = Math.Sign(a.AsSpan().SequenceCompareTo(b));
            Assert.Equal(expected, Math.Sign(new Hash256(a).CompareTo(new Hash256(b))));
        });
    }

    [Fact]
    public void Bits_count_from_the_most_significant_bit_of_the_first_byte()
    {
        var bytes = new byte[32];
        bytes[0] = 0b1000_0000;
        bytes[31] = 0b0000_0001;
        var hash = new Hash256(bytes);
        Assert.True(hash.GetBit(0));
        Assert.False(hash.GetBit(1));
        Assert.True(hash.GetBit(255));
        Assert.False(hash.GetBit(254));
    }

    [Fact]
    public void Zero_is_the_default()
    {
        Assert.True(Hash256.Zero.IsZero);
        Assert.False(Hash256.Compute([]).IsZero);
    }
}
