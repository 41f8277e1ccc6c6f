using DaiChain.Ledger.Encoding;

namespace DaiChain.ModelRegistry.Records;

/// <summary>
/// What an epoch paid, under <c>reg.epoch_reward/{epoch u64}</c>: version <c>u8 = 1</c>, epoch, start height, end
/// height, receipts, served versions, pool (tokens available), distributed, recipients (<c>varuint</c> each), total
/// score <c>bytes&lt;64&gt;</c> (unsigned big-endian, no leading zero byte).
/// </summary>
public sealed record EpochRewardRecord : ICanonicalEncodable<EpochRewardRecord>
{
    private const byte Version1 = 1;

    public required ulong Epoch { get; init; }

    public required ulong StartHeight { get; init; }

    public required ulong EndHeight { get; init; }

    public required ulong Receipts { get; init; }

    public required ulong ServedVersions { get; init; }

    public required ulong Pool { get; init; }

    public required ulong Distributed { get; init; }

    public required ulong Recipients { get; init; }

    public required System.Numerics.BigInteger TotalScore { get; init; }

    public void Encode(ref CanonicalWriter writer)
    {
        writer.WriteByte(Version1);
        writer.WriteVarUInt(Epoch);
        writer.WriteVarUInt(StartHeight);
        writer.WriteVarUInt(EndHeight);
        writer.WriteVarUInt(Receipts);
        writer.WriteVarUInt(ServedVersions);
        writer.WriteVarUInt(Pool);
        writer.WriteVarUInt(Distributed);
        writer.WriteVarUInt(Recipients);
        writer.WriteBytes(TotalScore.IsZero ? [] : TotalScore.ToByteArray(isUnsigned: true, isBigEndian: true), 64);
    }

    public static EpochRewardRecord Decode(ref CanonicalReader reader)
    {
        _ = reader.ReadVersion("epoch_reward.version", Version1);
        var record = new EpochRewardRecord
        {
            Epoch = reader.ReadVarUInt("epoch_reward.epoch"),
            StartHeight = reader.ReadVarUInt("epoch_reward.start_height"),
            EndHeight = reader.ReadVarUInt("epoch_reward.end_height"),
            Receipts = reader.ReadVarUInt("epoch_reward.receipts"),
            ServedVersions = reader.ReadVarUInt("epoch_reward.served_versions"),
            Pool = reader.ReadVarUInt("epoch_reward.pool"),
            Distributed = reader.ReadVarUInt("epoch_reward.distributed"),
            Recipients = reader.ReadVarUInt("epoch_reward.recipients"),
            TotalScore = default,
        };
        var at = reader.Position;
        var score = reader.ReadBytesSpan("epoch_reward.total_score", 64);
        if (score.Length > 0 && score[0] == 0)
        {
            throw new CodecException("epoch_reward.total_score", at, "a score has no leading zero byte");
        }

        return record with { TotalScore = new System.Numerics.BigInteger(score, isUnsigned: true, isBigEndian: true) };
    }
}
