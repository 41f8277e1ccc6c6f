using DaiChain.Ledger.Chain;
using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Primitives;
using DaiChain.Ledger.State;

namespace DaiChain.Ledger.Audit.Bundles;

/// <summary>
/// Checks a proof bundle with nothing but the trusted genesis (and, for a bundle that starts at a checkpoint, the
/// checkpoint's block hash): no node, no network, no clock.
/// </summary>
/// <remarks>
/// <para>Trust moves like this. It starts with the genesis set at height 1, or with the checkpoint header (its hash
/// must be the trusted one) and the set its validators hash commits to. Each step's header must be at or after the
/// height trust has reached, name the trusted set as its validators, and carry a certificate by more than two thirds
/// of that set's power; its next validators hash then vouches for the step's set, trusted from the next height on.
/// The proven header must pass the same test; every fact's proof must then fold to its state root.</para>
/// <para>Soundness rests on the assumption every BFT light client makes: no set ever had a third or more of its power
/// faulty — including sets that have since left (they could sign a fork after leaving). A checkpoint published by the
/// auditor narrows that window to the heights after it.</para>
/// </remarks>
public static class ProofBundleVerifier
{
    /// <summary>Decodes and verifies bundle bytes.</summary>
    public static BundleVerification Verify(ReadOnlySpan<byte> bytes, TrustedGenesis genesis, Hash256? trustedCheckpoint = null)
    {
        var hash = Hash256.Compute(bytes);
        ProofBundle bundle;
        try
        {
            bundle = ProofBundle.FromBytes(bytes);
        }
        catch (CodecException e)
        {
            return new BundleVerification { BundleHash = hash, Field = e.Field, Problem = $"the bundle does not decode: {e.Message}" };
        }

        return Verify(bundle, genesis, trustedCheckpoint) with { BundleHash = hash };
    }

    public static BundleVerification Verify(ProofBundle bundle, TrustedGenesis genesis, Hash256? trustedCheckpoint = null)
    {
        var sets = new List<ValidatorSetChange>();
        BundleVerification Fail(string field, string problem) => new() { Bundle = bundle, BundleHash = bundle.Hash, Field = field, Problem = problem, Sets = sets };

        if (bundle.ChainId != genesis.ChainId)
        {
            return Fail("chain_id", $"the bundle is for chain '{bundle.ChainId}', genesis.json is chain '{genesis.ChainId}'");
        }

        if (bundle.GenesisHash != genesis.GenesisHash)
        {
            return Fail("genesis_hash", $"the bundle is for genesis {bundle.GenesisHash}, genesis.json hashes to {genesis.GenesisHash}");
        }

        // The anchor: where trust starts.
        ValidatorSet trusted;
        ulong from;
        if (bundle.Checkpoint is { } checkpoint)
        {
            var checkpointHash = checkpoint.Header.Hash();
            if (trustedCheckpoint is not { } expected)
            {
                return Fail("checkpoint", $"the bundle starts at a checkpoint (block {checkpoint.Header.Height}, {checkpointHash}); verifying it needs that block hash from a source you trust");
            }

            if (checkpointHash != expected)
            {
                return Fail("checkpoint.header", $"the checkpoint header hashes to {checkpointHash}, not the trusted block {expected}");
            }

            if (checkpoint.Header.ChainId != genesis.ChainId || checkpoint.Validators.Hash != checkpoint.Header.ValidatorsHash)
            {
                return Fail("checkpoint.validators", $"the checkpoint's validator set does not hash to its header's validators hash {checkpoint.Header.ValidatorsHash}");
            }

            trusted = checkpoint.Validators;
            from = checkpoint.Header.Height;
        }
        else
        {
            if (trustedCheckpoint is not null)
            {
                return Fail("checkpoint", "a trusted checkpoint was given, but the bundle starts at genesis");
            }

            trusted = genesis.Validators;
            from = 1;
        }

        sets.Add(new ValidatorSetChange(from, trusted.Hash, trusted.Count, trusted.TotalPower));
        for (var i = 0; i < bundle.Steps.Count; i++)
        {
            var step = bundle.Steps[i];
            var problem = CheckSigned($"steps[{i}]", step.Header, step.Certificate, trusted, from, genesis.ChainId);
            if (problem is not null)
            {
                return Fail(problem.Value.Field, problem.Value.Message);
            }

            if (step.NextValidators.Hash != step.Header.NextValidatorsHash)
            {
                return Fail($"steps[{i}].next_validators", $"the set hashes to {step.NextValidators.Hash}, but header {step.Header.Height} commits to next validators {step.Header.NextValidatorsHash}");
            }

            trusted = step.NextValidators;
            from = step.Header.Height + 1;
            sets.Add(new ValidatorSetChange(from, trusted.Hash, trusted.Count, trusted.TotalPower));
        }

        var target = CheckSigned("header", bundle.Header, bundle.Certificate, trusted, from, genesis.ChainId);
        if (target is not null)
        {
            return Fail(target.Value.Field, target.Value.Message);
        }

        var root = bundle.Header.StateRoot;
        for (var i = 0; i < bundle.Facts.Count; i++)
        {
            var fact = bundle.Facts[i];
            var keyHash = fact.KeyHash;
            var holds = fact.Value is { } value
                ? fact.Proof.VerifyInclusion(root, keyHash, StateHashing.ValueHash(value))
                : fact.Proof.VerifyExclusion(root, keyHash);
            if (!holds)
            {
                return Fail($"facts[{i}]", $"fact {fact}: the proof does not show {(fact.IsPresent ? "that value" : "its absence")} under state root {root} of block {bundle.Header.Height}");
            }
        }

        return new BundleVerification { Bundle = bundle, BundleHash = bundle.Hash, Sets = sets };
    }

    private static (string Field, string Message)? CheckSigned(string field, BlockHeader header, CommitCertificate certificate, ValidatorSet trusted, ulong from, string chainId)
    {
        if (header.ChainId != chainId)
        {
            return ($"{field}.header", $"header {header.Height} is for chain '{header.ChainId}'");
        }

        if (header.Height < from)
        {
            return ($"{field}.header", $"header {header.Height} comes before height {from}, where the trusted validator set starts");
        }

        if (header.ValidatorsHash != trusted.Hash)
        {
            return ($"{field}.header", $"header {header.Height} names validators {header.ValidatorsHash}, not the trusted set {trusted.Hash} (a validator-set change is missing)");
        }

        var blockHash = header.Hash();
        if (certificate.Height != header.Height || certificate.BlockHash != blockHash)
        {
            return ($"{field}.certificate", $"the certificate commits block {certificate.Height} {certificate.BlockHash}, not header {header.Height} {blockHash}");
        }

        var verified = certificate.Verify(chainId, trusted);
        return verified.IsSuccess ? null : ($"{field}.certificate", $"{verified.Code}: {verified.Message}");
    }
}
