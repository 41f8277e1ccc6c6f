using DaiChain.Ledger.Native;

namespace DaiChain.Ledger.Tests.Crypto;

/// <summary>
/// The binding turns every argument the library would abort() on into an exception. If any check were missing,
/// these tests would kill the test host instead of failing.
/// </summary>
public sealed class Secp256k1NativeTests : IDisposable
{
    private static readonly byte[] One = TestHex.Bytes("0000000000000000000000000000000000000000000000000000000000000001");
    private readonly Secp256k1ContextHandle _context = Secp256k1Native.ContextCreate();

    public void Dispose() => _context.Dispose();

    [Theory]
    [InlineData(0)]
    [InlineData(31)]
    [InlineData(33)]
    public void Rejects_secret_keys_of_the_wrong_length(int length)
    {
        var secret = new byte[length];
        Assert.Throws<ArgumentException>(() => Secp256k1Native.SecretKeyVerify(_context, secret));
        Assert.Throws<ArgumentException>(() => Secp256k1Native.PublicKeyCreate(_context, out _, secret));
        Assert.Throws<ArgumentException>(() => Secp256k1Native.EcdsaSign(_context, out _, new byte[32], secret));
        Assert.Throws<ArgumentException>(() => Secp256k1Native.EcdsaSignRecoverable(_context, out _, new byte[32], secret));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(31)]
    [InlineData(64)]
    public void Rejects_message_hashes_of_the_wrong_length(int length)
    {
        var hash = new byte[length];
        Assert.True(Secp256k1Native.PublicKeyCreate(_context, out var publicKey, One));
        Assert.True(Secp256k1Native.EcdsaSign(_context, out var signature, new byte[32], One));
        Assert.Throws<ArgumentException>(() => Secp256k1Native.EcdsaSign(_context, out _, hash, One));
        Assert.Throws<ArgumentException>(() => Secp256k1Native.EcdsaVerify(_context, signature, hash, publicKey));
        Assert.Throws<ArgumentException>(() => Secp256k1Native.EcdsaRecover(_context, out _, default, hash));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(32)]
    [InlineData(34)]
    [InlineData(64)]
    [InlineData(66)]
    public void Rejects_public_key_buffers_of_the_wrong_length(int length)
    {
        Assert.True(Secp256k1Native.PublicKeyCreate(_context, out var publicKey, One));
        Assert.Throws<ArgumentException>(() => Secp256k1Native.PublicKeyParse(_context, out _, new byte[length]));
        Assert.Throws<ArgumentException>(() => Secp256k1Native.PublicKeySerialize(_context, new byte[length], publicKey));
    }

    [Theory]
    [InlineData(63)]
    [InlineData(65)]
    public void Rejects_compact_signatures_of_the_wrong_length(int length)
    {
        Assert.Throws<ArgumentException>(() => Secp256k1Native.SignatureParseCompact(_context, out _, new byte[length]));
        Assert.Throws<ArgumentException>(() => Secp256k1Native.RecoverableSignatureParseCompact(_context, out _, new byte[length], 0));
        Assert.Throws<ArgumentException>(() => Secp256k1Native.SignatureSerializeCompact(_context, new byte[length], default));
        Assert.Throws<ArgumentException>(() => Secp256k1Native.RecoverableSignatureSerializeCompact(_context, new byte[length], default));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(4)]
    [InlineData(27)]
    public void Rejects_recovery_ids_outside_zero_to_three(int recoveryId)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Secp256k1Native.RecoverableSignatureParseCompact(_context, out _, new byte[64], recoveryId));
    }

    [Fact]
    public void Rejects_a_public_key_the_library_never_initialized()
    {
        Assert.True(Secp256k1Native.EcdsaSign(_context, out var signature, new byte[32], One));
        Assert.Throws<ArgumentException>(() => Secp256k1Native.EcdsaVerify(_context, signature, new byte[32], default));
        Assert.Throws<ArgumentException>(() => Secp256k1Native.PublicKeySerialize(_context, new byte[33], default));
        Assert.Throws<ArgumentException>(() => Secp256k1Native.Ecdh(_context, new byte[32], default, One));
    }

    [Fact]
    public void Rejects_wrong_ecdh_and_seed_buffer_lengths()
    {
        Assert.True(Secp256k1Native.PublicKeyCreate(_context, out var publicKey, One));
        Assert.Throws<ArgumentException>(() => Secp256k1Native.Ecdh(_context, new byte[31], publicKey, One));
        Assert.Throws<ArgumentException>(() => Secp256k1Native.Ecdh(_context, new byte[32], publicKey, new byte[31]));
        Assert.Throws<ArgumentException>(() => Secp256k1Native.ContextRandomize(_context, new byte[16]));
    }

    [Fact]
    public void Out_of_range_secret_keys_are_refused_not_fatal()
    {
        var order = TestHex.Bytes("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141");
        Assert.False(Secp256k1Native.SecretKeyVerify(_context, new byte[32]));
        Assert.False(Secp256k1Native.SecretKeyVerify(_context, order));
        Assert.False(Secp256k1Native.PublicKeyCreate(_context, out _, order));
        Assert.False(Secp256k1Native.EcdsaSignRecoverable(_context, out _, new byte[32], order));
        Assert.True(Secp256k1Native.SecretKeyVerify(_context, One));
    }

    [Fact]
    public void Normalize_turns_a_high_s_signature_into_the_low_s_twin_the_library_accepts()
    {
        var hash = new byte[32];
        hash[0] = 7;
        Assert.True(Secp256k1Native.PublicKeyCreate(_context, out var publicKey, One));
        Assert.True(Secp256k1Native.EcdsaSign(_context, out var signature, hash, One));
        var compact = new byte[64];
        Secp256k1Native.SignatureSerializeCompact(_context, compact, signature);

        var highS = TestHex.ToBytes32(TestHex.Order - TestHex.ToInteger(compact.AsSpan(32)));
        var highCompact = compact[..32].Concat(highS).ToArray();
        Assert.True(Secp256k1Native.SignatureParseCompact(_context, out var high, highCompact));
        Assert.False(Secp256k1Native.EcdsaVerify(_context, high, hash, publicKey));

        Assert.True(Secp256k1Native.SignatureNormalize(_context, ref high));
        Assert.True(Secp256k1Native.EcdsaVerify(_context, high, hash, publicKey));
        Assert.False(Secp256k1Native.SignatureNormalize(_context, ref high));
    }

    [Fact]
    public void A_disposed_context_throws_instead_of_reaching_the_library()
    {
        var context = Secp256k1Native.ContextCreate();
        context.Dispose();
        Assert.Throws<ObjectDisposedException>(() => Secp256k1Native.SecretKeyVerify(context, One));
    }
}
