using DaiChain.Ledger.Crypto;
using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Primitives;

namespace DaiChain.Ledger.Chain;

/// <summary>A signed prevote or precommit for a block (or nil) at a height and round.</summary>
/// <remarks>
/// Encoding: the sign bytes body (<see cref="VoteSignBytes"/>), then validator address (20 bytes), validator
/// index (varuint, below <see cref="ChainLimits.MaxValidators"/>) and the 65-byte recoverable signature.
/// A vote is valid when its signature recovers the validator's address over the body's digest; recovery
/// binds the recovery byte too, so a valid vote has exactly one encoding.
/// </remarks>
public sealed class Vote : ICanonicalEncodable<Vote>
{
    public Vote(VoteType type, ulong height, uint round, Hash256? blockHash, long timestampMs, Address validatorAddress, int validatorIndex, RecoverableSignature signature)
    {
        if (!Enum.IsDefined(type))
        {
            throw new ArgumentOutOfRangeException(nameof(type), type, "unknown vote type");
        }

        ArgumentOutOfRangeException.ThrowIfZero(height);
        ArgumentOutOfRangeException.ThrowIfNegative(validatorIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(validatorIndex, ChainLimits.MaxValidators);
        Type = type;
        Height = height;
        Round = round;
        BlockHash = blockHash;
        TimestampMs = timestampMs;
        ValidatorAddress = validatorAddress;
        ValidatorIndex = validatorIndex;
        Signature = signature;
    }

    public VoteType Type { get; }

    public ulong Height { get; }

    public uint Round { get; }

    /// <summary>The block voted for; null for a nil vote.</summary>
    public Hash256? BlockHash { get; }

    public long TimestampMs { get; }

    public Address ValidatorAddress { get; }

    public int ValidatorIndex { get; }

    public RecoverableSignature Signature { get; }

    public bool IsNil => BlockHash is null;

    /// <summary>Signs a vote with <paramref name="signer"/>.</summary>
    public static Vote Sign(ISigner signer, string chainId, VoteType type, ulong height, uint round, Hash256? blockHash, long timestampMs, int validatorIndex)
    {
        var body = VoteSignBytes.Encode(type, height, round, blockHash, timestampMs);
        var signature = signer.Sign(SigningDomain.Vote, chainId, body);
        return new Vote(type, height, round, blockHash, timestampMs, signer.Address, validatorIndex, signature);
    }

    /// <summary>The digest the signature covers.</summary>
    public Hash256 Digest(string chainId) => VoteSignBytes.Digest(chainId, Type, Height, Round, BlockHash, TimestampMs);

    /// <summary>True when the signature recovers <see cref="ValidatorAddress"/> for this vote on <paramref name="chainId"/>.</summary>
    public bool HasValidSignature(string chainId) =>
        Secp256k1.Shared.TryRecover(Digest(chainId), Signature, out var key) && key.Address == ValidatorAddress;

    /// <summary>Checks the vote against the validator set of its height: index, address and signature.</summary>
    public Outcome Verify(string chainId, ValidatorSet validators)
    {
        if (ValidatorIndex >= validators.Count)
        {
            return Outcome.Fail("vote_unknown_validator", $"validator index {ValidatorIndex} is outside the set of {validators.Count}");
        }

        if (validators[ValidatorIndex].Address != ValidatorAddress)
        {
            return Outcome.Fail("vote_unknown_validator", $"validator {ValidatorIndex} of the set is {validators[ValidatorIndex].Address}, not {ValidatorAddress}");
        }

        return HasValidSignature(chainId)
            ? Outcome.Success
            : Outcome.Fail("vote_bad_signature", $"the signature of {ValidatorAddress}'s {Type} at height {Height} round {Round} does not verify");
    }

    public void Encode(ref CanonicalWriter writer)
    {
        VoteSignBytes.WriteBody(ref writer, Type, Height, Round, BlockHash, TimestampMs);
        writer.WriteAddress(ValidatorAddress);
        writer.WriteVarUInt((ulong)ValidatorIndex);
        Signature.Encode(ref writer);
    }

    public static Vote Decode(ref CanonicalReader reader)
    {
        _ = reader.ReadVersion("vote.version", VoteSignBytes.Version1);
        var type = reader.ReadEnum<VoteType>("vote.type");
        var heightAt = reader.Position;
        var height = reader.ReadUInt64("vote.height");
        if (height == 0)
        {
            throw new CodecException("vote.height", heightAt, "heights start at 1");
        }

        var round = reader.ReadUInt32("vote.round");
        Hash256? blockHash = reader.ReadBool("vote.has_block") ? reader.ReadHash("vote.block_hash") : null;
        var timestamp = reader.ReadInt64("vote.timestamp_ms");
        var address = reader.ReadAddress("vote.validator_address");
        var index = reader.ReadVarInt32("vote.validator_index", ChainLimits.MaxValidators - 1);
        var signature = RecoverableSignature.Decode(ref reader);
        return new Vote(type, height, round, blockHash, timestamp, address, index, signature);
    }

    public override string ToString() =>
        $"{Type} h{Height} r{Round} {(BlockHash is { } h ? h.ToString()[..12] : "nil")} by {ValidatorAddress}";
}
