using DaiChain.Ledger.Crypto;

namespace DaiChain.Ledger.Tests.Crypto;

public sealed class InMemorySignerTests
{
    [Fact]
    public void Signatures_recover_to_the_signers_address()
    {
        using var key = PrivateKey.FromSeed("signer", 0);
        var signer = new InMemorySigner(key);
        var signature = signer.Sign(SigningDomain.Proposal, "daichain-devnet-1", [1, 2]);
        var recovered = Secp256k1.Shared.Recover(SignBytes.Digest(SigningDomain.Proposal, "daichain-devnet-1", [1, 2]), signature);
        Assert.Equal(signer.Address, recovered.Address);
        Assert.Equal(signer.PublicKey, recovered);
    }

    [Fact]
    public void ToString_shows_only_the_address()
    {
        using var key = PrivateKey.FromSeed("signer", 1);
        Assert.Equal($"InMemorySigner({key.Address})", new InMemorySigner(key).ToString());
    }
}
