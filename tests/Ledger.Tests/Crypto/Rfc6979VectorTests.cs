using System.Text.Json;
using DaiChain.Ledger.Crypto;
using DaiChain.Ledger.Primitives;

namespace DaiChain.Ledger.Tests.Crypto;

/// <summary>
/// Published RFC 6979 secp256k1 / SHA-256 vectors (Vectors/rfc6979-secp256k1-sha256.json): the library's
/// deterministic nonces must reproduce them byte for byte, in low-S form.
/// </summary>
public sealed class Rfc6979VectorTests
{
    private static readonly JsonElement[] Vectors = Load();

    public static TheoryData<int> Indexes()
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < Vectors.Length; i++)
        {
            data.Add(i);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Indexes))]
    public void Signing_reproduces_the_published_signature(int index)
    {
        var vector = Vectors[index];
        using var key = PrivateKey.FromBytes(TestHex.Bytes(vector.GetProperty("privateKey").GetString()!));
        var digest = Hash256.Compute(System.Text.Encoding.UTF8.GetBytes(vector.GetProperty("message").GetString()!));

        var signature = key.Sign(digest);

        Assert.Equal(vector.GetProperty("signature").GetString(), Hex.Encode(signature.Compact));
        Assert.True(Secp256k1.Shared.Verify(key.PublicKey, digest, signature));
        Assert.Equal(key.PublicKey, Secp256k1.Shared.Recover(digest, signature));
    }

    [Fact]
    public void All_published_vectors_are_loaded()
    {
        Assert.Equal(8, Vectors.Length);
    }

    private static JsonElement[] Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Crypto", "Vectors", "rfc6979-secp256k1-sha256.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.GetProperty("vectors").EnumerateArray().Select(v => v.Clone()).ToArray();
    }
}
