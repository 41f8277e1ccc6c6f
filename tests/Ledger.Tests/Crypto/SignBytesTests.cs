using System.Security.Cryptography;
using DaiChain.Ledger.Crypto;
using DaiChain.Ledger.Primitives;

namespace DaiChain.Ledger.Tests.Crypto;

public sealed class SignBytesTests
{
    private const string ChainId = "daichain-devnet-1";

    [Fact]
    public void Digest_matches_the_worked_example_in_the_spec()
    {
        // docs/spec/signatures.md: 0x0e "daichain/tx/v1" 0x11 "daichain-devnet-1" 01 02 03.
        var digest = SignBytes.Digest(SigningDomain.Transaction, ChainId, [1, 2, 3]);
        Assert.Equal("d20e4419ff9e4e491e27698eb2bbba15f5f6f4870693d084cd2766f4134f7fa1", digest.ToString());
        Assert.Equal(
            "f9cd7f66a591eafef3b0b8e300abd6a8d617ad58937c6813f5a393526071f93a",
            SignBytes.Digest(SigningDomain.Vote, ChainId, [1, 2, 3]).ToString());
    }

    [Fact]
    public void Digest_of_a_large_payload_is_sha256_of_the_same_prefixed_bytes()
    {
        var payload = new byte[5000];
        new Random(1).NextBytes(payload);
        var expected = SHA256.HashData([.. Prefix("daichain/evidence/v1", ChainId), .. payload]);
        Assert.Equal(new Hash256(expected), SignBytes.Digest(SigningDomain.Evidence, ChainId, payload));
    }

    [Fact]
    public void Every_domain_has_a_distinct_versioned_ascii_tag()
    {
        var tags = Enum.GetValues<SigningDomain>().Select(SignBytes.Tag).ToList();
        Assert.Equal(7, tags.Count);
        Assert.Equal(tags.Count, tags.Distinct(StringComparer.Ordinal).Count());
        Assert.All(tags, tag =>
        {
            Assert.StartsWith("daichain/", tag, StringComparison.Ordinal);
            Assert.EndsWith("/v1", tag, StringComparison.Ordinal);
            Assert.True(tag.All(char.IsAscii));
        });
    }

    [Fact]
    public void The_same_bytes_in_different_domains_or_chains_give_different_digests()
    {
        byte[] body = [9, 9, 9];
        var digests = Enum.GetValues<SigningDomain>().Select(d => SignBytes.Digest(d, ChainId, body)).ToList();
        digests.Add(SignBytes.Digest(SigningDomain.Transaction, "daichain-mainnet", body));
        Assert.Equal(digests.Count, digests.Distinct().Count());
    }

    [Fact]
    public void A_transaction_signature_does_not_verify_as_a_vote()
    {
        using var key = PrivateKey.FromSeed("domains", 0);
        var signer = new InMemorySigner(key);
        byte[] body = [1, 2, 3, 4];
        var signature = signer.Sign(SigningDomain.Transaction, ChainId, body);

        Assert.True(Secp256k1.Shared.Verify(key.PublicKey, SignBytes.Digest(SigningDomain.Transaction, ChainId, body), signature));
        Assert.False(Secp256k1.Shared.Verify(key.PublicKey, SignBytes.Digest(SigningDomain.Vote, ChainId, body), signature));
        Assert.NotEqual(key.Address, Secp256k1.Shared.TryRecover(SignBytes.Digest(SigningDomain.Vote, ChainId, body), signature, out var other) ? other.Address : default);
    }

    [Fact]
    public void A_signature_for_one_chain_does_not_verify_on_another()
    {
        using var key = PrivateKey.FromSeed("domains", 1);
        var signature = new InMemorySigner(key).Sign(SigningDomain.Vote, ChainId, [7]);
        Assert.False(Secp256k1.Shared.Verify(key.PublicKey, SignBytes.Digest(SigningDomain.Vote, "daichain-testnet-1", [7]), signature));
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("naïve")]
    [InlineData("tab\tchain")]
    [InlineData("0123456789012345678901234567890123456789012345678901234567890123456789")]
    public void Rejects_invalid_chain_ids(string chainId)
    {
        Assert.False(SignBytes.IsValidChainId(chainId));
        Assert.Throws<ArgumentException>(() => SignBytes.Digest(SigningDomain.Transaction, chainId, []));
    }

    [Fact]
    public void Rejects_an_undefined_domain()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SignBytes.Digest((SigningDomain)99, ChainId, []));
    }

    private static byte[] Prefix(string tag, string chainId) =>
        [(byte)tag.Length, .. System.Text.Encoding.ASCII.GetBytes(tag), (byte)chainId.Length, .. System.Text.Encoding.ASCII.GetBytes(chainId)];
}
