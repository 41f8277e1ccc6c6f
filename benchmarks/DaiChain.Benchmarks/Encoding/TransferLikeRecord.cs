using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Primitives;

namespace DaiChain.Benchmarks.Encoding;

/// <summary>A record shaped like a signed transaction (about 250 bytes encoded).</summary>
public sealed record TransferLikeRecord(
    string ChainId,
    ulong Nonce,
    ushort Kind,
    Address Recipient,
    ulong Amount,
    Hash256 Reference,
    byte[] Memo,
    byte[] Signature) : ICanonicalEncodable<TransferLikeRecord>
{
    public void Encode(ref CanonicalWriter writer)
    {
        writer.WriteByte(1);
        writer.WriteString(ChainId, 64);
        writer.WriteVarUInt(Nonce);
        writer.WriteUInt16(Kind);
        writer.WriteAddress(Recipient);
        writer.WriteVarUInt(Amount);
        writer.WriteHash(Reference);
        writer.WriteBytes(Memo, 256);
        writer.WriteFixed(Signature);
    }

    public static TransferLikeRecord Decode(ref CanonicalReader reader)
    {
        reader.ReadVersion("version", 1);
        return new TransferLikeRecord(
            reader.ReadString("chain_id", 64),
            reader.ReadVarUInt("nonce"),
            reader.ReadUInt16("kind"),
            reader.ReadAddress("recipient"),
            reader.ReadVarUInt("amount"),
            reader.ReadHash("reference"),
            reader.ReadBytes("memo", 256),
            reader.ReadFixed("signature", 65).ToArray());
    }
}
