using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Primitives;

namespace DaiChain.ModelRegistry.Records;

/// <summary>One entry of a version's stage history: version <c>u8 = 1</c>, stage <c>u8</c>, height <c>varuint</c>, by (20), note <c>string&lt;256&gt;</c>.</summary>
public sealed record StageChange(VersionStage Stage, ulong Height, Address By, string Note) : ICanonicalEncodable<StageChange>
{
    private const byte Version1 = 1;

    public void Encode(ref CanonicalWriter writer)
    {
        writer.WriteByte(Version1);
        writer.WriteByte((byte)Stage);
        writer.WriteVarUInt(Height);
        writer.WriteAddress(By);
        writer.WriteString(Note, RegistryLimits.MaxNoteBytes);
    }

    public static StageChange Decode(ref CanonicalReader reader)
    {
        _ = reader.ReadVersion("stage_change.version", Version1);
        return new StageChange(reader.ReadEnum<VersionStage>("stage_change.stage"), reader.ReadVarUInt("stage_change.height"), reader.ReadAddress("stage_change.by"), reader.ReadString("stage_change.note", RegistryLimits.MaxNoteBytes));
    }
}
