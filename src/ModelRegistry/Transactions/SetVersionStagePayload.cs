using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Primitives;
using DaiChain.ModelRegistry.Records;

namespace DaiChain.ModelRegistry.Transactions;

/// <summary>Kind 102 payload: version <c>u8 = 1</c>, version id (32), stage <c>u8</c> (1 staging, 2 production, 3 archived), note <c>string&lt;256&gt;</c>.</summary>
public sealed record SetVersionStagePayload(Hash256 VersionId, VersionStage Stage, string Note = "") : ICanonicalEncodable<SetVersionStagePayload>
{
    private const byte Version1 = 1;

    public void Encode(ref CanonicalWriter writer)
    {
        writer.WriteByte(Version1);
        writer.WriteHash(VersionId);
        writer.WriteByte((byte)Stage);
        writer.WriteString(Note, RegistryLimits.MaxNoteBytes);
    }

    public static SetVersionStagePayload Decode(ref CanonicalReader reader)
    {
        _ = reader.ReadVersion("set_stage.version", Version1);
        return new SetVersionStagePayload(reader.ReadHash("set_stage.version_id"), reader.ReadEnum<VersionStage>("set_stage.stage"), reader.ReadString("set_stage.note", RegistryLimits.MaxNoteBytes));
    }
}
