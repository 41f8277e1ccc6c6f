using DaiChain.Ledger.Crypto;
using DaiChain.Ledger.Primitives;

namespace DaiChain.Ledger.Tests.Crypto;

public sealed class PrivateKeyTests
{
    private const string GeneratorCompressed = "0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798";

    [Fact]
    public void Key_one_has_the_generator_as_its_public_key()
    {
        using var key = PrivateKey.FromBytes(TestHex.Bytes("0000000000000000000000000000000000000000000000000000000000000001"));
        Assert.Equal(GeneratorCompressed, key.PublicKey.ToString());
    }

    [Fact]
    public void Key_n_minus_one_has_the_negated_generator_as_its_public_key()
    {
        using var key = PrivateKey.FromBytes(TestHex.Bytes("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364140"));
        Assert.Equal("03" + GeneratorCompressed[2..], key.PublicKey.ToString());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(31)]
    [InlineData(33)]
    [InlineData(64)]
    public void Rejects_secrets_of_the_wrong_length(int length)
    {
        var error = Assert.Throws<ArgumentException>(() => PrivateKey.FromBytes(new byte[length]));
        Assert.Contains("32 bytes", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141")]
    [InlineData("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364142")]
    [InlineData("ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff")]
    public void Rejects_secrets_outside_one_to_n_minus_one(string hex)
    {
        Assert.Throws<ArgumentException>(() => PrivateKey.FromBytes(TestHex.Bytes(hex)));
    }

    [Fact]
    public void Generated_keys_are_distinct_and_valid()
    {
        using var a = PrivateKey.Generate();
        using var b = PrivateKey.Generate();
        Assert.NotEqual(a.Address, b.Address);
        Assert.Equal(PrivateKey.Size, a.ExportSecret().Length);
    }

    [Fact]
    public void Seeded_keys_are_deterministic_per_seed_and_index()
    {
        using var first = PrivateKey.FromSeed("devnet", 0);
        using var again = PrivateKey.FromSeed("devnet", 0);
        using var nextIndex = PrivateKey.FromSeed("devnet", 1);
        using var otherSeed = PrivateKey.FromSeed("devnet2", 0);
        Assert.Equal(first.ExportSecret(), again.ExportSecret());
        Assert.NotEqual(first.Address, nextIndex.Address);
        Assert.NotEqual(first.Address, otherSeed.Address);
    }

    [Fact]
    public void Seeded_key_is_the_documented_hash_of_tag_seed_index_and_counter()
    {
        // str(x) = varint length || UTF-8; u32 big-endian. "daichain/dev-key/v1" is 19 bytes, "devnet" 6.
        var input = new List<byte> { 19 };
        input.AddRange(System.Text.Encoding.ASCII.GetBytes("daichain/dev-key/v1"));
        input.Add(6);
        input.AddRange(System.Text.Encoding.ASCII.GetBytes("devnet"));
        input.AddRange(new byte[] { 0, 0, 0, 3, 0, 0, 0, 0 });
        var expected = System.Security.Cryptography.SHA256.HashData(input.ToArray());

        using var key = PrivateKey.FromSeed("devnet", 3);
        Assert.Equal(expected, key.ExportSecret());
    }

    [Fact]
    public void Seeded_keys_need_a_seed_and_a_non_negative_index()
    {
        Assert.Throws<ArgumentException>(() => PrivateKey.FromSeed("", 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => PrivateKey.FromSeed("devnet", -1));
        Assert.Throws<ArgumentException>(() => PrivateKey.FromSeed(new string('x', PrivateKey.MaxSeedBytes + 1), 0));
    }

    [Fact]
    public void ToString_names_the_address_and_never_the_secret()
    {
        using var key = PrivateKey.FromSeed("devnet", 0);
        var text = key.ToString();
        Assert.Contains(key.Address.ToString(), text, StringComparison.Ordinal);
        Assert.DoesNotContain(Hex.Encode(key.ExportSecret()), text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_disposed_key_can_no_longer_sign_or_export()
    {
        var key = PrivateKey.Generate();
        key.Dispose();
        Assert.Throws<ObjectDisposedException>(() => key.Sign(Hash256.Compute([1, 2, 3])));
        Assert.Throws<ObjectDisposedException>(() => key.ExportSecret());
        key.Dispose();
    }

    [Fact]
    public void Exported_secret_imports_to_the_same_key()
    {
        using var key = PrivateKey.Generate();
        using var copy = PrivateKey.FromBytes(key.ExportSecret());
        Assert.Equal(key.PublicKey, copy.PublicKey);
    }
}
