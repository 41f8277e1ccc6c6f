using DaiChain.Ledger.Accounts;
using DaiChain.Ledger.Audit;
using DaiChain.Ledger.Audit.Bundles;
using DaiChain.Ledger.Chain;
using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Execution;
using DaiChain.Ledger.Primitives;
using DaiChain.TestKit;
using DaiChain.TestKit.Audit;

namespace DaiChain.Ledger.Tests.Audit;

/// <summary>
/// The alteration property field by field: every field of a decoded bundle — chain id, genesis hash, the checkpoint
/// flag, each step's header, certificate and next set, the proven header and certificate, each signature's index,
/// time and bytes, each fact's space, id, presence, value and proof — is changed to every value one bit away that
/// still encodes canonically, and lists lose, repeat or swap elements; the bundle is re-encoded (so the verifier's
/// checks are exercised, not only the decoder) and must fail. The only alterations that may still verify are the
/// two that state nothing false, and each is checked to be one of them: an absent fact's id moved to another key
/// of the same empty subtree, or a certificate signature dropped while more than two thirds of the power remains.
/// </summary>
public sealed class ProofBundleAlterationTests
{
    private static readonly ChainRules Rules = ChainRules.WithLedgerBuiltIns().Freeze();

    private static readonly Lazy<(AuditChain Chain, ProofBundle Bundle)> Shared = new(() =>
    {
        // A validator removed half way, so the bundle has a step (a header, its certificate, the next set) to alter.
        var chain = new AuditChain().Grow(2, 2);
        chain.RemoveValidator(3);
        chain.Grow(2, 2);
        var bundle = new ProofBundleBuilder(new StoreBlockSource(chain.Store, "test store", AuditChain.CertificateColumn), chain.Chain.Store.GetWithProof)
            .Build(TrustedGenesis.From(chain.Genesis, Rules), chain.Chain.Height, Facts());
        return (chain, bundle);
    });

    private static FactKey[] Facts() =>
    [
        new("sender account", AccountState.Space, Keys.Account(0).Address.ToArray()),
        new("receiver account", AccountState.Space, Keys.Account(5).Address.ToArray()),
        new("unknown account", AccountState.Space, Keys.Account(15).Address.ToArray()),
    ];

    [Fact]
    public void The_intact_bundle_verifies_and_has_something_in_every_field_to_alter()
    {
        var (chain, bundle) = Shared.Value;
        Assert.True(ProofBundleVerifier.Verify(bundle.Encode(), TrustedGenesis.From(chain.Genesis, Rules)).IsValid);
        Assert.NotEmpty(bundle.Steps);
        Assert.Contains(bundle.Facts, f => f.IsPresent);
        Assert.Contains(bundle.Facts, f => !f.IsPresent);
        Assert.All(bundle.Facts, f => Assert.NotEmpty(f.Proof.Siblings));
    }

    [Fact]
    public void Every_field_altered_fails_unless_the_result_states_only_true_facts()
    {
        var (chain, bundle) = Shared.Value;
        var genesis = TrustedGenesis.From(chain.Genesis, Rules);
        var original = bundle.Encode();
        var tried = 0;
        var harmless = new List<string>();
        foreach (var (field, altered) in Alterations(bundle))
        {
            var bytes = altered.Encode();
            if (bytes.AsSpan().SequenceEqual(original))
            {
                continue;
            }

            tried++;
            var verification = ProofBundleVerifier.Verify(bytes, genesis);
            if (!verification.IsValid)
            {
                continue;
            }

            Assert.True(IsHarmless(field, altered, bundle, chain), $"{field} altered still verifies");
            harmless.Add(field);
        }

        Assert.True(tried > 2_000, $"only {tried} alterations were tried");

        // Harmless results exist only for absent ids and surplus signatures, and are few.
        Assert.All(harmless, f => Assert.True(f.StartsWith("facts[2].id", StringComparison.Ordinal) || f.EndsWith("signature dropped", StringComparison.Ordinal), f));
        Assert.True(harmless.Count < tried / 50, $"{harmless.Count} of {tried} alterations still verify");
    }

    /// <summary>A verified alteration is harmless when every fact it states holds at its height and the alteration is one of the two known kinds.</summary>
    private static bool IsHarmless(string field, ProofBundle altered, ProofBundle original, AuditChain chain)
    {
        var state = chain.Chain.Store.GetState(altered.Header.Height)!;
        var allTrue = altered.Facts.All(f => Equal(state.Get(f.KeyHash), f.Value));
        var absentIdMoved = field.StartsWith("facts[2].id", StringComparison.Ordinal) && !original.Facts[2].IsPresent;
        var surplusSignatureDropped = field.EndsWith("signature dropped", StringComparison.Ordinal);
        return allTrue && (absentIdMoved || surplusSignatureDropped);
    }

    private static bool Equal(byte[]? a, byte[]? b) => a is null ? b is null : b is not null && a.AsSpan().SequenceEqual(b);

    private static IEnumerable<(string Field, ProofBundle Bundle)> Alterations(ProofBundle b)
    {
        yield return ("chain_id", With(b, chainId: b.ChainId + "x"));
        foreach (var hash in OneBitAway(b.GenesisHash))
        {
            yield return ("genesis_hash", With(b, genesisHash: hash));
        }

        // A checkpoint the bundle did not have (genesis-anchored trust turned into checkpoint trust).
        var firstStep = b.Steps[0];
        yield return ("checkpoint", With(b, checkpoint: new BundleCheckpoint(firstStep.Header, firstStep.NextValidators)));

        // Steps: each dropped, repeated, and the list reversed; each field of each step.
        for (var i = 0; i < b.Steps.Count; i++)
        {
            var index = i;
            yield return ($"steps[{i}] dropped", With(b, steps: [.. b.Steps.Where((_, j) => j != index)]));
            yield return ($"steps[{i}] repeated", With(b, steps: [.. b.Steps.Take(index + 1), b.Steps[index], .. b.Steps.Skip(index + 1)]));
            var step = b.Steps[i];
            foreach (var header in Variants(step.Header))
            {
                yield return ($"steps[{i}].header", With(b, steps: Replace(b.Steps, i, step with { Header = header })));
            }

            foreach (var (what, certificate) in CertificateVariants(step.Certificate))
            {
                yield return ($"steps[{i}].certificate{what}", With(b, steps: Replace(b.Steps, i, step with { Certificate = certificate })));
            }

            foreach (var set in Variants(step.NextValidators))
            {
                yield return ($"steps[{i}].next_validators", With(b, steps: Replace(b.Steps, i, step with { NextValidators = set })));
            }
        }

        if (b.Steps.Count > 1)
        {
            yield return ("steps reversed", With(b, steps: [.. b.Steps.Reverse()]));
        }

        foreach (var header in Variants(b.Header))
        {
            yield return ("header", With(b, header: header));
        }

        foreach (var (what, certificate) in CertificateVariants(b.Certificate))
        {
            yield return ($"certificate{what}", With(b, certificate: certificate));
        }

        for (var i = 0; i < b.Facts.Count; i++)
        {
            var fact = b.Facts[i];
            yield return ($"facts[{i}].space", With(b, facts: Replace(b.Facts, i, fact with { Space = fact.Space + "x" })));
            foreach (var id in ByteVariants(fact.Id))
            {
                yield return ($"facts[{i}].id", With(b, facts: Replace(b.Facts, i, fact with { Id = id })));
            }

            yield return ($"facts[{i}].present", With(b, facts: Replace(b.Facts, i, fact with { Value = fact.Value is null ? [0] : null })));
            if (fact.Value is { } value)
            {
                foreach (var changed in ByteVariants(value))
                {
                    yield return ($"facts[{i}].value", With(b, facts: Replace(b.Facts, i, fact with { Value = changed })));
                }
            }

            foreach (var proof in Variants(fact.Proof))
            {
                yield return ($"facts[{i}].proof", With(b, facts: Replace(b.Facts, i, fact with { Proof = proof })));
            }

            // Another fact's proof in place of this one's.
            var other = b.Facts[(i + 1) % b.Facts.Count];
            yield return ($"facts[{i}].proof swapped", With(b, facts: Replace(b.Facts, i, fact with { Proof = other.Proof })));
        }
    }

    /// <summary>Every signature's index, time and bytes altered, each signature dropped and repeated, the height, round and block hash altered.</summary>
    private static IEnumerable<(string What, CommitCertificate Certificate)> CertificateVariants(CommitCertificate c)
    {
        yield return (".height", new CommitCertificate(c.Height + 1, c.Round, c.BlockHash, c.Signatures));
        yield return (".round", new CommitCertificate(c.Height, c.Round + 1, c.BlockHash, c.Signatures));
        foreach (var hash in OneBitAway(c.BlockHash))
        {
            yield return (".block_hash", new CommitCertificate(c.Height, c.Round, hash, c.Signatures));
        }

        for (var i = 0; i < c.Signatures.Count; i++)
        {
            var s = c.Signatures[i];
            var index = i;
            yield return ($".signatures[{i}] signature dropped", new CommitCertificate(c.Height, c.Round, c.BlockHash, [.. c.Signatures.Where((_, j) => j != index)]));
            var unused = Enumerable.Range(0, 8).First(n => c.Signatures.All(x => x.ValidatorIndex != n));
            yield return ($".signatures[{i}].validator_index", Rebuilt(c, i, s with { ValidatorIndex = unused }));
            yield return ($".signatures[{i}].timestamp", Rebuilt(c, i, s with { TimestampMs = s.TimestampMs + 1 }));
            foreach (var signature in Variants(s.Signature))
            {
                yield return ($".signatures[{i}].signature", Rebuilt(c, i, s with { Signature = signature }));
            }
        }
    }

    private static CommitCertificate Rebuilt(CommitCertificate c, int index, CommitSignature signature) =>
        new(c.Height, c.Round, c.BlockHash, Replace(c.Signatures, index, signature));

    /// <summary>Every value one bit away from <paramref name="value"/>'s encoding that still decodes canonically.</summary>
    private static IEnumerable<T> Variants<T>(T value)
        where T : ICanonicalEncodable<T>
    {
        var bytes = Canonical.Encode(value);
        foreach (var altered in ByteVariants(bytes, resize: false))
        {
            T? decoded;
            try
            {
                decoded = Canonical.Decode<T>(altered);
            }
            catch (CodecException)
            {
                continue;
            }
            catch (ArgumentException)
            {
                continue;
            }

            yield return decoded;
        }
    }

    /// <summary>Each bit of each byte flipped at two positions (lowest and highest), and (when resizing) a byte added and one removed.</summary>
    private static IEnumerable<byte[]> ByteVariants(byte[] bytes, bool resize = true)
    {
        for (var i = 0; i < bytes.Length; i++)
        {
            foreach (var mask in new byte[] { 0x01, 0x80 })
            {
                var altered = bytes.ToArray();
                altered[i] ^= mask;
                yield return altered;
            }
        }

        if (resize)
        {
            yield return [.. bytes, 0];
            if (bytes.Length > 1)
            {
                yield return bytes[..^1];
            }
        }
    }

    private static IEnumerable<Hash256> OneBitAway(Hash256 hash) => ByteVariants(hash.ToArray(), resize: false).Select(b => new Hash256(b));

    private static T[] Replace<T>(IReadOnlyList<T> list, int index, T value) => [.. list.Select((x, j) => j == index ? value : x)];

    private static ProofBundle With(
        ProofBundle b,
        string? chainId = null,
        Hash256? genesisHash = null,
        BundleCheckpoint? checkpoint = null,
        IReadOnlyList<ValidatorSetStep>? steps = null,
        BlockHeader? header = null,
        CommitCertificate? certificate = null,
        IReadOnlyList<BundleFact>? facts = null) => new()
        {
            ChainId = chainId ?? b.ChainId,
            GenesisHash = genesisHash ?? b.GenesisHash,
            Checkpoint = checkpoint ?? b.Checkpoint,
            Steps = steps ?? b.Steps,
            Header = header ?? b.Header,
            Certificate = certificate ?? b.Certificate,
            Facts = facts ?? b.Facts,
        };
}
