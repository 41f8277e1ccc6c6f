using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Primitives;

namespace DaiChain.Ledger.Accounts;

/// <summary>Payload of a token transfer. Encoding: version <c>u8 = 1</c>, recipient (20 bytes), amount <c>varuint</c>, memo <c>string&lt;256&gt;</c>.</summary>
public sealed record TransferPayload(Address Recipient, ulong Amount, string Memo = "") : ICanonicalEncodable<TransferPayload>
{
    public const int MaxMemoBytes = 256;
    private const byte Version1 = 1;

    public void Encode(ref CanonicalWriter writer)
    {
        writer.WriteByte(Version1);
        writer.WriteAddress(Recipient);
        writer.WriteVarUInt(Amount);
        writer.WriteString(Memo, MaxMemoBytes);
    }

    public static TransferPayload Decode(ref CanonicalReader reader)
    {
        _ = reader.ReadVersion("transfer.version", Version1);
        return new TransferPayload(reader.ReadAddress("transfer.recipient"), reader.ReadVarUInt("transfer.amount"), reader.ReadString("transfer.memo", MaxMemoBytes));
    }
}
