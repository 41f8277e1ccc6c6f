using DaiChain.Ledger.Accounts;
using DaiChain.Ledger.Audit;
using DaiChain.Ledger.Audit.Bundles;
using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Execution;
using DaiChain.Ledger.Primitives;
using DaiChain.TestKit;
using DaiChain.TestKit.Audit;

namespace DaiChain.Ledger.Tests.Audit;

/// <summary>Proof bundles: built from a node's store, checked with genesis alone; any altered byte fails.</summary>
public sealed class ProofBundleTests
{
    private static readonly ChainRules Rules = ChainRules.WithLedgerBuiltIns().Freeze();

    private static readonly Lazy<(AuditChain Chain, ProofBundle Bundle, byte[] Bytes)> Shared = new(() =>
    {
        var chain = NewChain();
        var bundle = Builder(chain).Build(Genesis(chain), chain.Chain.Height, Facts());
        return (chain, bundle, bundle.Encode());
    });

    private static AuditChain NewChain()
    {
        var chain = new AuditChain().Grow(2, 2);
        chain.RemoveValidator(3);
        return chain.Grow(3, 2);
    }

    private static TrustedGenesis Genesis(AuditChain chain) => TrustedGenesis.From(chain.Genesis, Rules);

    private static ProofBundleBuilder Builder(AuditChain chain) =>
        new(new StoreBlockSource(chain.Store, "test store", AuditChain.CertificateColumn), chain.Chain.Store.GetWithProof);

    private static FactKey[] Facts() =>
    [
        new("sender account", AccountState.Space, Keys.Account(0).Address.ToArray()),
        new("unknown account", AccountState.Space, Keys.Account(15).Address.ToArray()),
    ];

    [Fact]
    public void A_bundle_built_from_the_store_verifies_with_genesis_alone()
    {
        var (chain, bundle, bytes) = Shared.Value;
        var verification = ProofBundleVerifier.Verify(bytes, Genesis(chain));

        Assert.True(verification.IsValid, verification.ToString());
        Assert.Equal(Hash256.Compute(bytes), verification.BundleHash);
        Assert.Equal(chain.Chain.Height, verification.Header!.Height);
        var step = Assert.Single(bundle.Steps);
        Assert.Equal(chain.RemovalEffectiveHeight - 1, step.Header.Height);
        Assert.Equal([1UL, chain.RemovalEffectiveHeight], verification.Sets.Select(s => s.Height));
        Assert.Equal(Canonical.Encode(AccountState.Get(chain.Chain.Head.State, Keys.Account(0).Address)), bundle.Facts[0].Value);
        Assert.Null(bundle.Facts[1].Value);
        Assert.Equal(bytes, ProofBundle.FromBytes(bytes).Encode());
    }

    /// <summary>
    /// Every altered byte makes the bundle fail, with one exception that states nothing false: an absence proof ends
    /// in an empty subtree, so it also proves absent every other key into that subtree, and an altered id may be one
    /// of them. Such a bundle still verifies, and then every fact it states must hold on the chain.
    /// </summary>
    [Fact]
    public void Every_byte_of_a_bundle_altered_makes_it_fail_or_still_state_only_true_facts()
    {
        var (chain, bundle, bytes) = Shared.Value;
        var genesis = Genesis(chain);
        var absentIdStart = bytes.Length - Canonical.Encode(bundle.Facts[1]).Length + 1 + 4 + 1;
        var stillTrue = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            foreach (var mask in new byte[] { 0x01, 0x80 })
            {
                var altered = bytes.ToArray();
                altered[i] ^= mask;
                var verification = ProofBundleVerifier.Verify(altered, genesis);
                if (!verification.IsValid)
                {
                    continue;
                }

                Assert.True(i >= absentIdStart && i < absentIdStart + 20, $"byte {i} ^ 0x{mask:x2} still verifies");
                foreach (var fact in verification.Bundle!.Facts)
                {
                    Assert.Equal(chain.Chain.Store.GetState(bundle.Header.Height)!.Get(fact.KeyHash), fact.Value);
                }

                stillTrue++;
            }
        }

        Assert.True(stillTrue < 40, $"{stillTrue} altered absence ids verify");
    }

    [Fact]
    public void Truncated_or_extended_bundles_fail_to_decode()
    {
        var (chain, _, bytes) = Shared.Value;
        var genesis = Genesis(chain);
        Assert.Contains("does not decode", ProofBundleVerifier.Verify(bytes.AsSpan(0, bytes.Length - 1), genesis).Problem, StringComparison.Ordinal);
        Assert.Contains("does not decode", ProofBundleVerifier.Verify([.. bytes, 0], genesis).Problem, StringComparison.Ordinal);
        Assert.Equal("bundle.magic", ProofBundleVerifier.Verify("not a bundle at all"u8, genesis).Field);
    }

    [Fact]
    public void A_bundle_without_the_validator_set_change_names_the_missing_change()
    {
        var (chain, bundle, _) = Shared.Value;
        var skipped = new ProofBundle
        {
            ChainId = bundle.ChainId,
            GenesisHash = bundle.GenesisHash,
            Steps = [],
            Header = bundle.Header,
            Certificate = bundle.Certificate,
            Facts = bundle.Facts,
        };
        var verification = ProofBundleVerifier.Verify(skipped.Encode(), Genesis(chain));
        Assert.Equal("header.header", verification.Field);
        Assert.Contains("a validator-set change is missing", verification.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bundle_for_another_genesis_is_refused()
    {
        var (_, _, bytes) = Shared.Value;
        var other = TrustedGenesis.From(Build.A.Genesis.WithChainId("daichain-test").WithValidators(5).Build(), Rules);
        var verification = ProofBundleVerifier.Verify(bytes, other);
        Assert.Equal("genesis_hash", verification.Field);
    }

    [Fact]
    public void A_bundle_from_a_checkpoint_needs_the_trusted_block_hash()
    {
        var (chain, _, _) = Shared.Value;
        var checkpointHeight = chain.RemovalEffectiveHeight - 2;
        var bundle = Builder(chain).Build(Genesis(chain), chain.Chain.Height, Facts(), checkpointHeight);
        var bytes = bundle.Encode();
        var trusted = chain.Chain.Store.GetHeader(checkpointHeight)!.Hash();

        Assert.True(ProofBundleVerifier.Verify(bytes, Genesis(chain), trusted).IsValid);
        Assert.Equal("checkpoint", ProofBundleVerifier.Verify(bytes, Genesis(chain)).Field);
        Assert.Equal("checkpoint.header", ProofBundleVerifier.Verify(bytes, Genesis(chain), Hash256.Compute([1])).Field);
        Assert.Equal(checkpointHeight, ProofBundleVerifier.Verify(bytes, Genesis(chain), trusted).Sets[0].Height);
    }
}
