using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Primitives;

namespace DaiChain.Ledger.Chain;

/// <summary>
/// Proof that a validator signed two different votes for the same height, round and step: equivocation.
/// Executing it jails the validator and slashes its stake.
/// </summary>
/// <remarks>
/// Encoding: version <c>u8 = 1</c>, then vote A and vote B (<see cref="Vote"/> encodings) where A's block hash
/// orders before B's (nil before any hash, hashes as unsigned bytes); the decoder rejects the other order, so
/// one equivocation has one encoding and one <see cref="Hash"/>.
/// </remarks>
public sealed class DuplicateVoteEvidence : ICanonicalEncodable<DuplicateVoteEvidence>
{
    private const byte Version1 = 1;

    private Hash256? _hash;

    /// <summary>Pairs two conflicting votes, in either order.</summary>
    /// <exception cref="ArgumentException">The votes do not conflict (different validator, height, round or step, or the same block).</exception>
    public DuplicateVoteEvidence(Vote first, Vote second)
    {
        var problem = FindProblem(first, second);
        if (problem is not null)
        {
            throw new ArgumentException(problem, nameof(second));
        }

        (VoteA, VoteB) = Compare(first.BlockHash, second.BlockHash) < 0 ? (first, second) : (second, first);
    }

    public Vote VoteA { get; }

    public Vote VoteB { get; }

    public Address ValidatorAddress => VoteA.ValidatorAddress;

    public ulong Height => VoteA.Height;

    public Hash256 Hash => _hash ??= Hash256.Compute(Canonical.Encode(this));

    /// <summary>Checks both signatures against the validator set of the evidence's height.</summary>
    public Outcome Verify(string chainId, ValidatorSet validatorsAtHeight)
    {
        if (!validatorsAtHeight.TryGetIndex(ValidatorAddress, out var index))
        {
            return Outcome.Fail("evidence_unknown_validator", $"{ValidatorAddress} was not a validator at height {Height}");
        }

        if (VoteA.ValidatorIndex != index || VoteB.ValidatorIndex != index)
        {
            return Outcome.Fail("evidence_unknown_validator", $"{ValidatorAddress} had index {index} at height {Height}, the votes claim {VoteA.ValidatorIndex} and {VoteB.ValidatorIndex}");
        }

        return VoteA.HasValidSignature(chainId) && VoteB.HasValidSignature(chainId)
            ? Outcome.Success
            : Outcome.Fail("evidence_bad_signature", $"a vote in the evidence against {ValidatorAddress} at height {Height} is not signed by it");
    }

    public void Encode(ref CanonicalWriter writer)
    {
        writer.WriteByte(Version1);
        VoteA.Encode(ref writer);
        VoteB.Encode(ref writer);
    }

    public static DuplicateVoteEvidence Decode(ref CanonicalReader reader)
    {
        var start = reader.Position;
        _ = reader.ReadVersion("evidence.version", Version1);
        var a = Vote.Decode(ref reader);
        var b = Vote.Decode(ref reader);
        var problem = FindProblem(a, b) ?? (Compare(a.BlockHash, b.BlockHash) < 0 ? null : "vote A's block hash must order before vote B's");
        return problem is null ? new DuplicateVoteEvidence(a, b) : throw new CodecException("evidence", start, problem);
    }

    private static string? FindProblem(Vote a, Vote b)
    {
        if (a.ValidatorAddress != b.ValidatorAddress || a.ValidatorIndex != b.ValidatorIndex)
        {
            return "the two votes are by different validators";
        }

        if (a.Height != b.Height || a.Round != b.Round || a.Type != b.Type)
        {
            return "the two votes are for different heights, rounds or steps";
        }

        return a.BlockHash == b.BlockHash ? "the two votes are for the same block" : null;
    }

    private static int Compare(Hash256? x, Hash256? y) => (x, y) switch
    {
        (null, null) => 0,
        (null, _) => -1,
        (_, null) => 1,
        _ => x.Value.CompareTo(y.Value),
    };
}
