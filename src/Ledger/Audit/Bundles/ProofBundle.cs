using DaiChain.Ledger.Chain;
using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Primitives;

namespace DaiChain.Ledger.Audit.Bundles;

/// <summary>
/// A self-contained, offline-checkable proof of state facts: the facts with their Merkle proofs, the header and
/// commit certificate that commit the state root they prove against, and the chain of validator-set changes that
/// leads from genesis (or a trusted checkpoint) to the set that signed that header. With genesis.json alone, anyone
/// can check it (<see cref="ProofBundleVerifier"/>); docs/spec/proof-bundle.md is the format.
/// </summary>
/// <remarks>
/// Encoding: magic <c>"DCBUNDLE"</c> (8 bytes), version <c>u8 = 1</c>, chain id <c>string&lt;64&gt;</c>, genesis hash,
/// has-checkpoint <c>bool</c> then <see cref="BundleCheckpoint"/>, steps
/// <c>list&lt;ValidatorSetStep, 65536&gt;</c>, header, certificate, facts <c>list&lt;BundleFact, 4096&gt;</c>; at most
/// <see cref="BundleLimits.MaxBundleBytes"/> in all, no trailing bytes. <see cref="Hash"/> is SHA-256 of the encoding.
/// </remarks>
public sealed class ProofBundle : ICanonicalEncodable<ProofBundle>
{
    public const byte Version1 = 1;

    private static readonly byte[] MagicBytes = "DCBUNDLE"u8.ToArray();

    /// <summary>The first 8 bytes of every bundle file.</summary>
    public static ReadOnlySpan<byte> Magic => MagicBytes;

    public required string ChainId { get; init; }

    public required Hash256 GenesisHash { get; init; }

    /// <summary>Where trust starts when not at genesis; null: the genesis validator set.</summary>
    public BundleCheckpoint? Checkpoint { get; init; }

    /// <summary>The validator-set changes from the anchor to the set of <see cref="Header"/>'s height, in height order.</summary>
    public required IReadOnlyList<ValidatorSetStep> Steps { get; init; }

    /// <summary>The header whose state root the facts are proven against.</summary>
    public required BlockHeader Header { get; init; }

    /// <summary>The certificate that commits <see cref="Header"/>.</summary>
    public required CommitCertificate Certificate { get; init; }

    /// <summary>The proven facts; the first is the bundle's subject (the model version, for a provenance bundle).</summary>
    public required IReadOnlyList<BundleFact> Facts { get; init; }

    public Hash256 Hash => Hash256.Compute(Encode());

    public void Encode(ref CanonicalWriter writer)
    {
        writer.WriteFixed(MagicBytes);
        writer.WriteByte(Version1);
        writer.WriteString(ChainId, ChainLimits.MaxChainIdBytes);
        writer.WriteHash(GenesisHash);
        writer.WriteBool(Checkpoint is not null);
        Checkpoint?.Encode(ref writer);
        writer.WriteList(Steps, BundleLimits.MaxSteps, static (ref CanonicalWriter w, ValidatorSetStep s) => s.Encode(ref w));
        Header.Encode(ref writer);
        Certificate.Encode(ref writer);
        writer.WriteList(Facts, BundleLimits.MaxFacts, static (ref CanonicalWriter w, BundleFact f) => f.Encode(ref w));
    }

    public byte[] Encode()
    {
        var writer = new CanonicalWriter(4096);
        try
        {
            Encode(ref writer);
            return writer.Length <= BundleLimits.MaxBundleBytes
                ? writer.ToArray()
                : throw new InvalidOperationException($"the bundle encodes to {writer.Length} bytes, over the {BundleLimits.MaxBundleBytes}-byte limit");
        }
        finally
        {
            writer.Dispose();
        }
    }

    /// <summary>Decodes a whole bundle file: its size, magic, version and every field's canonical form.</summary>
    /// <exception cref="CodecException">Anything but a canonical bundle.</exception>
    public static ProofBundle FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > BundleLimits.MaxBundleBytes)
        {
            throw new CodecException("bundle", 0, $"a bundle is at most {BundleLimits.MaxBundleBytes} bytes, this one is {bytes.Length}");
        }

        return Canonical.Decode<ProofBundle>(bytes);
    }

    public static ProofBundle Decode(ref CanonicalReader reader)
    {
        if (!reader.ReadFixed("bundle.magic", MagicBytes.Length).SequenceEqual(MagicBytes))
        {
            throw new CodecException("bundle.magic", 0, "not a DaiChain proof bundle (the file does not start with DCBUNDLE)");
        }

        _ = reader.ReadVersion("bundle.version", Version1);
        var chainAt = reader.Position;
        var chainId = reader.ReadString("bundle.chain_id", ChainLimits.MaxChainIdBytes);
        if (!Crypto.SignBytes.IsValidChainId(chainId))
        {
            throw new CodecException("bundle.chain_id", chainAt, "a chain id is 1-64 characters of [A-Za-z0-9._-]");
        }

        return new ProofBundle
        {
            ChainId = chainId,
            GenesisHash = reader.ReadHash("bundle.genesis_hash"),
            Checkpoint = reader.ReadBool("bundle.has_checkpoint") ? BundleCheckpoint.Decode(ref reader) : null,
            Steps = reader.ReadList("bundle.steps", BundleLimits.MaxSteps, ValidatorSetStep.Decode),
            Header = BlockHeader.Decode(ref reader),
            Certificate = CommitCertificate.Decode(ref reader),
            Facts = reader.ReadList("bundle.facts", BundleLimits.MaxFacts, BundleFact.Decode),
        };
    }
}
