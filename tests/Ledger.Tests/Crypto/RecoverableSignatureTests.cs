using DaiChain.Ledger.Crypto;
using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Primitives;

namespace DaiChain.Ledger.Tests.Crypto;

public sealed class RecoverableSignatureTests
{
    private const string HalfOrder = "7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0";
    private const string HalfOrderPlusOne = "7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a1";
    private const string Order = "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141";
    private const string One = "0000000000000000000000000000000000000000000000000000000000000001";
    private const string Zero = "0000000000000000000000000000000000000000000000000000000000000000";

    private static RecoverableSignature SampleSignature()
    {
        using var key = PrivateKey.FromSeed("signature-tests", 0);
        return key.Sign(Hash256.Compute("hello"u8));
    }

    [Fact]
    public void Bytes_and_hex_round_trip()
    {
        var signature = SampleSignature();
        Assert.Equal(signature, RecoverableSignature.Parse(signature.ToArray()));
        Assert.Equal(signature, RecoverableSignature.Parse(signature.ToString()));
        Assert.Equal(signature, RecoverableSignature.Parse("0x" + signature));
        Assert.Equal(signature.ToArray()[..32], signature.R.ToArray());
        Assert.Equal(signature.ToArray()[32..64], signature.S.ToArray());
        Assert.Equal(signature.ToArray()[64], signature.RecoveryId);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(64)]
    [InlineData(66)]
    [InlineData(130)]
    public void Rejects_wrong_lengths_with_a_format_error(int length)
    {
        var error = Assert.Throws<FormatException>(() => RecoverableSignature.Parse(new byte[length]));
        Assert.Contains("65 bytes", error.Message, StringComparison.Ordinal);
        Assert.False(RecoverableSignature.TryParse(new byte[length], out _));
    }

    [Fact]
    public void Rejects_the_high_s_twin_of_a_valid_signature()
    {
        var signature = SampleSignature();
        var highS = TestHex.ToBytes32(TestHex.Order - TestHex.ToInteger(signature.S));
        var twin = TestHex.Signature(signature.R, highS, (byte)(signature.RecoveryId ^ 1));
        var error = Assert.Throws<FormatException>(() => RecoverableSignature.Parse(twin));
        Assert.Contains("high-S", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Accepts_s_equal_to_half_the_order_and_rejects_one_more()
    {
        Assert.True(RecoverableSignature.TryParse(TestHex.Signature(TestHex.Bytes(One), TestHex.Bytes(HalfOrder), 0), out _));
        Assert.False(RecoverableSignature.TryParse(TestHex.Signature(TestHex.Bytes(One), TestHex.Bytes(HalfOrderPlusOne), 0), out _));
    }

    [Theory]
    [InlineData(Zero, One)]
    [InlineData(Order, One)]
    [InlineData(One, Zero)]
    [InlineData(One, Order)]
    public void Rejects_r_or_s_outside_one_to_n_minus_one(string r, string s)
    {
        Assert.Throws<FormatException>(() => RecoverableSignature.Parse(TestHex.Signature(TestHex.Bytes(r), TestHex.Bytes(s), 0)));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(27)]
    [InlineData(28)]
    [InlineData(255)]
    public void Rejects_recovery_ids_other_than_zero_and_one(byte v)
    {
        var signature = SampleSignature();
        var error = Assert.Throws<FormatException>(() => RecoverableSignature.Parse(TestHex.Signature(signature.R, signature.S, v)));
        Assert.Contains("recovery id", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Canonical_codec_round_trips_and_rejects_high_s_with_the_offset()
    {
        var signature = SampleSignature();
        Assert.Equal(signature, Canonical.Decode<RecoverableSignature>(Canonical.Encode(signature)));

        var highS = TestHex.ToBytes32(TestHex.Order - TestHex.ToInteger(signature.S));
        var error = Assert.Throws<CodecException>(() => Canonical.Decode<RecoverableSignature>(TestHex.Signature(signature.R, highS, 0)));
        Assert.Equal("signature", error.Field);
        Assert.Equal(0, error.Offset);
    }

    [Fact]
    public void Equal_signatures_are_equal_and_hash_alike()
    {
        var a = SampleSignature();
        var b = RecoverableSignature.Parse(a.ToArray());
        Assert.True(a == b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.False(a != b);
    }
}
