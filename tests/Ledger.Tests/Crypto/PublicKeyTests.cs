using DaiChain.Ledger.Crypto;
using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Primitives;

namespace DaiChain.Ledger.Tests.Crypto;

public sealed class PublicKeyTests
{
    private const string GeneratorCompressed = "0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798";
    private const string GeneratorUncompressed =
        "0479be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798483ada7726a3c4655da4fbfc0e1108a8fd17b448a68554199c47d08ffb10d4b8";

    [Fact]
    public void Compressed_and_uncompressed_forms_parse_to_the_same_key()
    {
        var fromCompressed = PublicKey.Parse(TestHex.Bytes(GeneratorCompressed));
        var fromUncompressed = PublicKey.Parse(GeneratorUncompressed);
        Assert.Equal(fromCompressed, fromUncompressed);
        Assert.Equal(GeneratorUncompressed, Hex.Encode(fromCompressed.Uncompressed));
        Assert.Equal(GeneratorCompressed, Hex.Encode(fromUncompressed.Compressed));
    }

    [Fact]
    public void Address_is_the_last_20_bytes_of_sha256_of_the_uncompressed_key()
    {
        var key = PublicKey.Parse(GeneratorCompressed);
        var digest = System.Security.Cryptography.SHA256.HashData(TestHex.Bytes(GeneratorUncompressed));
        Assert.Equal(new Address(digest.AsSpan(12)), key.Address);
    }

    [Theory]
    [InlineData("")]
    [InlineData("02")]
    [InlineData("0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f817")]
    [InlineData("0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f8179800")]
    public void Rejects_wrong_lengths_with_a_format_error(string hex)
    {
        var error = Assert.Throws<FormatException>(() => PublicKey.Parse(TestHex.Bytes(hex)));
        Assert.Contains("33 bytes", error.Message, StringComparison.Ordinal);
        Assert.False(PublicKey.TryParse(TestHex.Bytes(hex), out _));
    }

    [Theory]
    [InlineData("0479be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798")]
    [InlineData("0679be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798483ada7726a3c4655da4fbfc0e1108a8fd17b448a68554199c47d08ffb10d4b8")]
    [InlineData("0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798483ada7726a3c4655da4fbfc0e1108a8fd17b448a68554199c47d08ffb10d4b8")]
    public void Rejects_wrong_prefixes_including_hybrid_keys(string hex)
    {
        Assert.Throws<FormatException>(() => PublicKey.Parse(hex));
    }

    [Theory]
    [InlineData("020000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("0479be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798483ada7726a3c4655da4fbfc0e1108a8fd17b448a68554199c47d08ffb10d4b9")]
    [InlineData("02fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2f")]
    public void Rejects_points_not_on_the_curve(string hex)
    {
        var error = Assert.Throws<FormatException>(() => PublicKey.Parse(hex));
        Assert.Contains("not a point", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Canonical_encoding_is_the_compressed_form_and_round_trips()
    {
        var key = PublicKey.Parse(GeneratorUncompressed);
        var encoded = Canonical.Encode(key);
        Assert.Equal(GeneratorCompressed, Hex.Encode(encoded));
        Assert.Equal(key, Canonical.Decode<PublicKey>(encoded));
    }

    [Fact]
    public void Canonical_decoding_rejects_an_uncompressed_key()
    {
        Assert.Throws<CodecException>(() => Canonical.Decode<PublicKey>(TestHex.Bytes(GeneratorUncompressed)));
        Assert.Throws<CodecException>(() => Canonical.Decode<PublicKey>(TestHex.Bytes("04" + GeneratorCompressed[2..])));
    }
}
