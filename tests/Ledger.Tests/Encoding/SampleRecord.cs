using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Primitives;

namespace DaiChain.Ledger.Tests.Encoding;

/// <summary>A transaction-shaped record used to exercise every codec primitive together.</summary>
public sealed record SampleRecord(
    ulong Nonce,
    long Time,
    Hash256 Parent,
    Address Sender,
    string Memo,
    byte[] Payload,
    IReadOnlyList<ulong> Amounts,
    bool Flag) : ICanonicalEncodable<SampleRecord>
{
    public const byte Version = 1;
    public const int MemoMaxBytes = 64;
    public const int PayloadMaxBytes = 256;
    public const int AmountsMax = 16;

    public void Encode(ref CanonicalWriter writer)
    {
        writer.WriteByte(Version);
        writer.WriteVarUInt(Nonce);
        writer.WriteInt64(Time);
        writer.WriteHash(Parent);
        writer.WriteAddress(Sender);
        writer.WriteString(Memo, MemoMaxBytes);
        writer.WriteBytes(Payload, PayloadMaxBytes);
        writer.WriteList(Amounts, AmountsMax, static (ref CanonicalWriter w, ulong a) => w.WriteVarUInt(a));
        writer.WriteBool(Flag);
    }

    public static SampleRecord Decode(ref CanonicalReader reader)
    {
        reader.ReadVersion("version", Version);
        return new SampleRecord(
            reader.ReadVarUInt("nonce"),
            reader.ReadInt64("time"),
            reader.ReadHash("parent"),
            reader.ReadAddress("sender"),
            reader.ReadString("memo", MemoMaxBytes),
            reader.ReadBytes("payload", PayloadMaxBytes),
            reader.ReadList("amounts", AmountsMax, static (ref CanonicalReader r) => r.ReadVarUInt("amount")),
            reader.ReadBool("flag"));
    }

    public bool Equals(SampleRecord? other) =>
        other is not null && Nonce == other.Nonce && Time == other.Time && Parent == other.Parent && Sender == other.Sender
        && Memo == other.Memo && Payload.AsSpan().SequenceEqual(other.Payload) && Amounts.SequenceEqual(other.Amounts) && Flag == other.Flag;

    public override int GetHashCode() => HashCode.Combine(Nonce, Parent, Sender);

    public static SampleRecord Random(Random random)
    {
        var memoChars = new char[random.Next(0, 20)];
        for (var i = 0; i < memoChars.Length; i++)
        {
            // Mix ASCII with multi-byte characters to exercise UTF-8 lengths.
            memoChars[i] = random.Next(4) == 0 ? (char)random.Next(0x400, 0x4FF) : (char)random.Next(0x20, 0x7F);
        }

        var amounts = new ulong[random.Next(0, AmountsMax + 1)];
        for (var i = 0; i < amounts.Length; i++)
        {
            amounts[i] = random.NextInt64() is var v && random.Next(2) == 0 ? (ulong)v : (ulong)random.Next(300);
        }

        var hash = new byte[Hash256.Size];
        random.NextBytes(hash);
        var address = new byte[Address.Size];
        random.NextBytes(address);
        var payload = new byte[random.Next(0, PayloadMaxBytes + 1)];
        random.NextBytes(payload);
        return new SampleRecord((ulong)random.NextInt64(), random.NextInt64(long.MinValue, long.MaxValue), new Hash256(hash), new Address(address), new string(memoChars), payload, amounts, random.Next(2) == 1);
    }
}
