using System.Security.Cryptography;
using DaiChain.Ledger.Crypto;
using DaiChain.Ledger.Primitives;

namespace DaiChain.Ledger.Tests.Crypto;

public sealed class Secp256k1Tests
{
    private static readonly Secp256k1 Curve = Secp256k1.Shared;

    [Fact]
    public void A_signature_verifies_against_the_signers_key()
    {
        using var key = PrivateKey.Generate();
        var digest = Hash256.Compute("message"u8);
        var signature = Curve.Sign(key, digest);
        Assert.True(Curve.Verify(key.PublicKey, digest, signature));
    }

    [Fact]
    public void Recovery_gives_the_signers_address()
    {
        using var key = PrivateKey.FromSeed("recovery", 7);
        var digest = Hash256.Compute("transfer 5 tokens"u8);
        var recovered = Curve.Recover(digest, Curve.Sign(key, digest));
        Assert.Equal(key.PublicKey, recovered);
        Assert.Equal(key.Address, recovered.Address);
    }

    [Fact]
    public void A_tampered_message_does_not_verify_or_recover_the_signer()
    {
        using var key = PrivateKey.Generate();
        var signature = Curve.Sign(key, Hash256.Compute("pay alice 10"u8));
        var tampered = Hash256.Compute("pay alice 99"u8);
        Assert.False(Curve.Verify(key.PublicKey, tampered, signature));
        Assert.True(!Curve.TryRecover(tampered, signature, out var other) || other.Address != key.Address);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(31)]
    [InlineData(33)]
    [InlineData(63)]
    public void A_signature_with_a_flipped_bit_does_not_verify(int byteIndex)
    {
        using var key = PrivateKey.Generate();
        var digest = Hash256.Compute("block 42"u8);
        var bytes = Curve.Sign(key, digest).ToArray();
        if (RecoverableSignature.TryParse(TestHex.Flip(bytes, byteIndex), out var tampered))
        {
            Assert.False(Curve.Verify(key.PublicKey, digest, tampered));
            Assert.True(!Curve.TryRecover(digest, tampered, out var other) || other.Address != key.Address);
        }
    }

    [Fact]
    public void Flipping_the_recovery_id_recovers_a_different_key()
    {
        using var key = PrivateKey.Generate();
        var digest = Hash256.Compute("vote"u8);
        var signature = Curve.Sign(key, digest);
        var flipped = RecoverableSignature.Parse(TestHex.Signature(signature.R, signature.S, (byte)(signature.RecoveryId ^ 1)));
        Assert.True(!Curve.TryRecover(digest, flipped, out var other) || other.Address != key.Address);
    }

    [Fact]
    public void A_signature_does_not_verify_against_another_key()
    {
        using var signer = PrivateKey.Generate();
        using var other = PrivateKey.Generate();
        var digest = Hash256.Compute("x"u8);
        Assert.False(Curve.Verify(other.PublicKey, digest, Curve.Sign(signer, digest)));
    }

    [Fact]
    public void Rfc6979_signatures_are_deterministic_across_contexts()
    {
        using var key = PrivateKey.FromSeed("determinism", 0);
        using var separate = new Secp256k1();
        var digest = Hash256.Compute("same input, same signature"u8);
        var first = Curve.Sign(key, digest);
        Assert.Equal(first, Curve.Sign(key, digest));
        Assert.Equal(first, separate.Sign(key, digest));
        Assert.NotEqual(first, Curve.Sign(key, Hash256.Compute("different input"u8)));
    }

    [Fact]
    public void Every_produced_signature_is_canonical()
    {
        using var key = PrivateKey.FromSeed("canonical", 0);
        for (var i = 0; i < 200; i++)
        {
            var signature = Curve.Sign(key, Hash256.Compute(BitConverter.GetBytes(i)));
            Assert.True(TestHex.ToInteger(signature.S) <= TestHex.Order / 2);
            Assert.True(signature.RecoveryId <= 1);
        }
    }

    [Fact]
    public void Concurrent_signing_and_recovery_on_one_instance_agree_with_sequential_results()
    {
        using var key = PrivateKey.FromSeed("threads", 0);
        var digests = Enumerable.Range(0, 400).Select(i => Hash256.Compute(BitConverter.GetBytes(i))).ToArray();
        var expected = digests.Select(d => Curve.Sign(key, d)).ToArray();
        var actual = new RecoverableSignature[digests.Length];
        var recovered = new Address[digests.Length];
        Parallel.For(0, digests.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            actual[i] = Curve.Sign(key, digests[i]);
            recovered[i] = Curve.Recover(digests[i], actual[i]).Address;
        });
        Assert.Equal(expected, actual);
        Assert.All(recovered, address => Assert.Equal(key.Address, address));
    }

    [Fact]
    public void Ecdh_gives_both_sides_the_same_secret()
    {
        using var alice = PrivateKey.Generate();
        using var bob = PrivateKey.Generate();
        var aliceSide = Curve.Ecdh(alice, bob.PublicKey);
        Assert.Equal(32, aliceSide.Length);
        Assert.Equal(aliceSide, Curve.Ecdh(bob, alice.PublicKey));
        using var carol = PrivateKey.Generate();
        Assert.NotEqual(aliceSide, Curve.Ecdh(carol, bob.PublicKey));
    }

    [Fact]
    public void Ecdh_with_secret_one_is_sha256_of_the_peers_compressed_key()
    {
        using var one = PrivateKey.FromBytes(TestHex.Bytes("0000000000000000000000000000000000000000000000000000000000000001"));
        using var peer = PrivateKey.FromSeed("ecdh", 0);
        Assert.Equal(SHA256.HashData(peer.PublicKey.Compressed), Curve.Ecdh(one, peer.PublicKey));
    }

    [Fact]
    public void Recover_throws_a_cryptographic_error_when_no_key_recovers()
    {
        // r = 5 is not the x coordinate of any curve point (5^3 + 7 is not a square mod p), so no key recovers.
        var signature = RecoverableSignature.Parse(TestHex.Signature(
            TestHex.Bytes("0000000000000000000000000000000000000000000000000000000000000005"),
            TestHex.Bytes("0000000000000000000000000000000000000000000000000000000000000001"),
            0));
        Assert.False(Curve.TryRecover(Hash256.Compute("x"u8), signature, out _));
        Assert.Throws<CryptographicException>(() => Curve.Recover(Hash256.Compute("x"u8), signature));
    }

    [Fact]
    public void Disposing_the_shared_instance_leaves_it_usable()
    {
        Secp256k1.Shared.Dispose();
        using var key = PrivateKey.Generate();
        Assert.True(Secp256k1.Shared.Verify(key.PublicKey, Hash256.Zero, key.Sign(Hash256.Zero)));
    }
}
