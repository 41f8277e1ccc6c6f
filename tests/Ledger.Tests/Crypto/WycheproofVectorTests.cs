using System.Text.Json;
using DaiChain.Ledger.Crypto;
using DaiChain.Ledger.Primitives;

namespace DaiChain.Ledger.Tests.Crypto;

/// <summary>
/// A selection of Wycheproof ECDSA secp256k1 SHA-256 (P1363) vectors (Vectors/wycheproof-...json).
/// </summary>
/// <remarks>
/// How DaiChain treats them, given its canonical-signature rule:
/// <list type="bullet">
/// <item>"invalid": rejected, either at parse (wrong size, r or s out of range, high-S) or by verification; a
/// high-S invalid vector must still fail after normalization, so the rejection is not only about form.</item>
/// <item>"valid" with low S: parses and verifies; one of v = 0, 1 recovers the key, except where r is
/// x(kG) - n (recovery id 2 or 3), which DaiChain's signatures never carry.</item>
/// <item>"valid" with high S: valid ECDSA, but not canonical here, so parse rejects it; its low-S twin
/// (r, n - s), which libsecp256k1's normalize would give, parses and verifies.</item>
/// </list>
/// The v byte is not part of a P1363 signature; 0 is appended for parsing, and <see cref="Secp256k1.Verify"/> ignores it.
/// </remarks>
public sealed class WycheproofVectorTests
{
    private static readonly Dictionary<int, JsonElement> Tests = Load();

    public static TheoryData<int> TestIds()
    {
        var data = new TheoryData<int>();
        foreach (var id in Tests.Keys.Order())
        {
            data.Add(id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(TestIds))]
    public void Vector_is_treated_as_documented(int tcId)
    {
        var test = Tests[tcId];
        var key = PublicKey.Parse(test.GetProperty("publicKey").GetString()!);
        var digest = Hash256.Compute(TestHex.Bytes(test.GetProperty("msg").GetString()!));
        var sig = TestHex.Bytes(test.GetProperty("sig").GetString()!);
        var valid = test.GetProperty("result").GetString() == "valid";
        var comment = test.GetProperty("comment").GetString()!;

        if (valid)
        {
            Assert.Equal(64, sig.Length);
            var s = TestHex.ToInteger(sig.AsSpan(32));
            if (s > TestHex.Order / 2)
            {
                var error = Assert.Throws<FormatException>(() => RecoverableSignature.Parse([.. sig, 0]));
                Assert.Contains("high-S", error.Message, StringComparison.Ordinal);
                sig = [.. sig[..32], .. TestHex.ToBytes32(TestHex.Order - s)];
            }

            var signature = RecoverableSignature.Parse([.. sig, 0]);
            Assert.True(Secp256k1.Shared.Verify(key, digest, signature), $"tcId {tcId} ({comment}) should verify");
            Assert.Equal(!comment.Contains("large x-coordinate", StringComparison.Ordinal), RecoversTo(key, digest, sig));
        }
        else if (RecoverableSignature.TryParse([.. sig, 0], out var parsed))
        {
            Assert.False(Secp256k1.Shared.Verify(key, digest, parsed), $"tcId {tcId} ({comment}) must not verify");
            Assert.False(RecoversTo(key, digest, sig));
        }
        else if (sig.Length == 64 && TestHex.ToInteger(sig.AsSpan(32)) is var s && s > TestHex.Order / 2 && s < TestHex.Order
            && RecoverableSignature.TryParse([.. sig[..32], .. TestHex.ToBytes32(TestHex.Order - s), 0], out var normalized))
        {
            Assert.False(Secp256k1.Shared.Verify(key, digest, normalized), $"tcId {tcId} ({comment}) must not verify even when normalized");
        }
    }

    [Fact]
    public void The_selection_covers_valid_invalid_and_high_s_cases()
    {
        var valid = Tests.Values.Where(t => t.GetProperty("result").GetString() == "valid").ToList();
        Assert.Equal(45, Tests.Count);
        Assert.Equal(27, valid.Count);
        Assert.Contains(valid, t => TestHex.ToInteger(TestHex.Bytes(t.GetProperty("sig").GetString()!).AsSpan(32)) > TestHex.Order / 2);
    }

    private static bool RecoversTo(PublicKey key, Hash256 digest, byte[] lowSCompact)
    {
        for (byte v = 0; v <= 1; v++)
        {
            if (Secp256k1.Shared.TryRecover(digest, RecoverableSignature.Parse([.. lowSCompact, v]), out var recovered) && recovered == key)
            {
                return true;
            }
        }

        return false;
    }

    private static Dictionary<int, JsonElement> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Crypto", "Vectors", "wycheproof-ecdsa-secp256k1-sha256-p1363.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.GetProperty("tests").EnumerateArray()
            .ToDictionary(t => t.GetProperty("tcId").GetInt32(), t => t.Clone());
    }
}
