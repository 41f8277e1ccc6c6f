using DaiChain.Ledger.Crypto;
using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Primitives;

namespace DaiChain.Ledger.Chain;

/// <summary>
/// Proof that a block was committed: precommits for it, at one height and round, from validators holding
/// more than two thirds of the voting power. Verifiable with the validator set of that height and nothing else.
/// </summary>
/// <remarks>
/// Encoding: version <c>u8 = 1</c>, height <c>u64</c>, round <c>u32</c>, block hash (32), then a list of
/// <see cref="CommitSignature"/> strictly ascending by validator index (at most
/// <see cref="ChainLimits.MaxValidators"/>, at least one). Each signature is over
/// <see cref="VoteSignBytes"/> of a precommit with that height, round, block hash and the entry's timestamp.
/// <see cref="Hash"/> is SHA-256 of the encoding (the next header's last commit hash).
/// </remarks>
public sealed class CommitCertificate : ICanonicalEncodable<CommitCertificate>
{
    private const byte Version1 = 1;
    private const int ParallelVerifyThreshold = 8;

    private readonly CommitSignature[] _signatures;
    private Hash256? _hash;

    public CommitCertificate(ulong height, uint round, Hash256 blockHash, IReadOnlyList<CommitSignature> signatures)
    {
        ArgumentOutOfRangeException.ThrowIfZero(height);
        var sorted = signatures.OrderBy(s => s.ValidatorIndex).ToArray();
        var problem = FindProblem(sorted);
        if (problem is not null)
        {
            throw new ArgumentException(problem, nameof(signatures));
        }

        Height = height;
        Round = round;
        BlockHash = blockHash;
        _signatures = sorted;
    }

    public ulong Height { get; }

    public uint Round { get; }

    public Hash256 BlockHash { get; }

    /// <summary>Ascending by validator index.</summary>
    public IReadOnlyList<CommitSignature> Signatures => _signatures;

    public Hash256 Hash => _hash ??= Hash256.Compute(Canonical.Encode(this));

    /// <summary>Builds a certificate from precommits for one block; votes for other blocks or nil are left out.</summary>
    public static CommitCertificate FromPrecommits(ulong height, uint round, Hash256 blockHash, IEnumerable<Vote> precommits)
    {
        var signatures = precommits
            .Where(v => v.Type == VoteType.Precommit && v.Height == height && v.Round == round && v.BlockHash == blockHash)
            .Select(v => new CommitSignature(v.ValidatorIndex, v.TimestampMs, v.Signature))
            .ToList();
        return new CommitCertificate(height, round, blockHash, signatures);
    }

    /// <summary>
    /// Checks every signature against <paramref name="validators"/> (the set of <see cref="Height"/>) and that the
    /// signers hold more than two thirds of its power. Signatures are checked in parallel.
    /// </summary>
    public Outcome Verify(string chainId, ValidatorSet validators)
    {
        var signed = 0UL;
        foreach (var entry in _signatures)
        {
            if (entry.ValidatorIndex >= validators.Count)
            {
                return Outcome.Fail("commit_unknown_validator", $"commit signature by validator index {entry.ValidatorIndex}, but the set has {validators.Count}");
            }

            signed += validators[entry.ValidatorIndex].Power;
        }

        if (!validators.IsQuorum(signed))
        {
            return Outcome.Fail("commit_insufficient_power", $"commit signers hold {signed} of {validators.TotalPower} voting power; more than two thirds is needed");
        }

        var bad = -1;
        if (_signatures.Length >= ParallelVerifyThreshold)
        {
            Parallel.For(0, _signatures.Length, (i, state) =>
            {
                if (!SignatureIsValid(chainId, validators, _signatures[i]))
                {
                    Interlocked.CompareExchange(ref bad, i, -1);
                    state.Stop();
                }
            });
        }
        else
        {
            for (var i = 0; i < _signatures.Length && bad < 0; i++)
            {
                bad = SignatureIsValid(chainId, validators, _signatures[i]) ? -1 : i;
            }
        }

        return bad < 0
            ? Outcome.Success
            : Outcome.Fail("commit_bad_signature", $"the precommit signature of validator {validators[_signatures[bad].ValidatorIndex].Address} does not verify for block {BlockHash} at height {Height} round {Round}");
    }

    /// <summary>
    /// The power-weighted median of the signers' timestamps (Tendermint's BFT time): the earliest timestamp such
    /// that signers holding more than half of the signed power voted at or before it. Faulty validators with less
    /// than a third of the power cannot move it outside the range of honest timestamps.
    /// </summary>
    public long MedianTimeMs(ValidatorSet validators)
    {
        var entries = _signatures
            .Select(s => (s.TimestampMs, Power: validators[s.ValidatorIndex].Power))
            .OrderBy(e => e.TimestampMs)
            .ToArray();
        var total = entries.Aggregate(0UL, (sum, e) => sum + e.Power);
        var cumulative = 0UL;
        foreach (var (timestamp, power) in entries)
        {
            cumulative += power;
            if (cumulative * 2 > total)
            {
                return timestamp;
            }
        }

        return entries[^1].TimestampMs;
    }

    public void Encode(ref CanonicalWriter writer)
    {
        writer.WriteByte(Version1);
        writer.WriteUInt64(Height);
        writer.WriteUInt32(Round);
        writer.WriteHash(BlockHash);
        writer.WriteList(_signatures, ChainLimits.MaxValidators, static (ref CanonicalWriter w, CommitSignature s) => s.Encode(ref w));
    }

    public static CommitCertificate Decode(ref CanonicalReader reader)
    {
        _ = reader.ReadVersion("commit.version", Version1);
        var heightAt = reader.Position;
        var height = reader.ReadUInt64("commit.height");
        if (height == 0)
        {
            throw new CodecException("commit.height", heightAt, "heights start at 1");
        }

        var round = reader.ReadUInt32("commit.round");
        var blockHash = reader.ReadHash("commit.block_hash");
        var listAt = reader.Position;
        var signatures = reader.ReadList("commit.signatures", ChainLimits.MaxValidators, CommitSignature.Decode);
        var problem = FindProblem(signatures);
        if (problem is not null)
        {
            throw new CodecException("commit.signatures", listAt, problem);
        }

        return new CommitCertificate(height, round, blockHash, signatures);
    }

    private bool SignatureIsValid(string chainId, ValidatorSet validators, CommitSignature entry)
    {
        var digest = VoteSignBytes.Digest(chainId, VoteType.Precommit, Height, Round, BlockHash, entry.TimestampMs);
        return Secp256k1.Shared.TryRecover(digest, entry.Signature, out var key) && key.Address == validators[entry.ValidatorIndex].Address;
    }

    private static string? FindProblem(CommitSignature[] sortedByIndex)
    {
        if (sortedByIndex.Length == 0)
        {
            return "a commit has at least one signature";
        }

        for (var i = 1; i < sortedByIndex.Length; i++)
        {
            if (sortedByIndex[i - 1].ValidatorIndex >= sortedByIndex[i].ValidatorIndex)
            {
                return sortedByIndex[i - 1].ValidatorIndex == sortedByIndex[i].ValidatorIndex
                    ? $"validator index {sortedByIndex[i].ValidatorIndex} signs twice"
                    : "commit signatures must be ordered by validator index";
            }
        }

        return null;
    }
}
