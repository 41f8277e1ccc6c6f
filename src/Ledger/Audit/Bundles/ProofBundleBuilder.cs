using DaiChain.Ledger.Chain;
using DaiChain.Ledger.Primitives;
using DaiChain.Ledger.State;

namespace DaiChain.Ledger.Audit.Bundles;

/// <summary>
/// Builds a <see cref="ProofBundle"/> from a chain source and a state prover: the header and certificate of the
/// proven height, the validator-set changes since the anchor, and each fact with its proof.
/// </summary>
/// <param name="source">Blocks, certificates and validator sets.</param>
/// <param name="prove">The value (or absence) of a key hash after a height, with its proof (<c>ChainStore.GetWithProof</c>); null when that height's state is pruned.</param>
public sealed class ProofBundleBuilder(IBlockSource source, Func<ulong, Hash256, ProvenValue?> prove)
{
    /// <summary>The newest height a bundle can be built for: one whose commit certificate the source holds.</summary>
    public ulong NewestProvableHeight()
    {
        var head = source.Height;
        return head == 0 ? 0 : source.GetCertificate(head) is not null ? head : head - 1;
    }

    /// <exception cref="InvalidOperationException">The source lacks a block, certificate, set or state the bundle needs.</exception>
    public ProofBundle Build(TrustedGenesis genesis, ulong height, IReadOnlyList<FactKey> facts, ulong? checkpointHeight = null)
    {
        var header = HeaderAt(height);
        var certificate = CertificateOf(height);
        BundleCheckpoint? checkpoint = null;
        var from = 1UL;
        if (checkpointHeight is { } c)
        {
            if (c > height)
            {
                throw new InvalidOperationException($"the checkpoint {c} is after the proven height {height}");
            }

            var checkpointHeader = HeaderAt(c);
            checkpoint = new BundleCheckpoint(checkpointHeader, SetAt(c, checkpointHeader.ValidatorsHash));
            from = c;
        }

        var steps = new List<ValidatorSetStep>();
        foreach (var change in ChangeHeights(from, height))
        {
            var before = HeaderAt(change - 1);
            steps.Add(new ValidatorSetStep(before, CertificateOf(change - 1), SetAt(change, before.NextValidatorsHash)));
        }

        var proven = new List<BundleFact>(facts.Count);
        foreach (var fact in facts)
        {
            var keyHash = StateKeys.For(fact.Space, fact.Id);
            var value = prove(height, keyHash) ?? throw new InvalidOperationException($"the state of height {height} is not available (pruned, or not committed)");
            if (value.StateRoot != header.StateRoot || !value.Verify(header.StateRoot))
            {
                throw new InvalidOperationException($"the proof of '{fact.Label}' does not verify against block {height}'s state root");
            }

            proven.Add(new BundleFact(fact.Space, fact.Id, value.Value, value.Proof));
        }

        return new ProofBundle
        {
            ChainId = genesis.ChainId,
            GenesisHash = genesis.GenesisHash,
            Checkpoint = checkpoint,
            Steps = steps,
            Header = header,
            Certificate = certificate,
            Facts = proven,
        };
    }

    /// <summary>Heights x in (from, height] where a new validator set took effect.</summary>
    private IEnumerable<ulong> ChangeHeights(ulong from, ulong height)
    {
        if (source.GetValidatorSetChangeHeights(height) is { } listed)
        {
            return listed.Where(x => x > from && x <= height);
        }

        var changes = new List<ulong>();
        for (var h = from; h < height; h++)
        {
            var at = HeaderAt(h);
            if (at.NextValidatorsHash != at.ValidatorsHash)
            {
                changes.Add(h + 1);
            }
        }

        return changes;
    }

    private BlockHeader HeaderAt(ulong height) =>
        source.GetBlock(height)?.Header ?? throw new InvalidOperationException($"{source.Description} has no block {height}");

    private CommitCertificate CertificateOf(ulong height) =>
        source.GetBlock(height + 1)?.LastCommit ?? source.GetCertificate(height)
        ?? throw new InvalidOperationException($"{source.Description} has no commit certificate for block {height}");

    private ValidatorSet SetAt(ulong height, Hash256 expected)
    {
        var set = source.GetValidatorSet(height) ?? throw new InvalidOperationException($"{source.Description} has no validator set for height {height}");
        return set.Hash == expected ? set : throw new InvalidOperationException($"{source.Description}'s validator set of height {height} does not match the header's hash {expected}");
    }
}
