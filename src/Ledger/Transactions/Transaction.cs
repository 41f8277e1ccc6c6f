using DaiChain.Ledger.Chain;
using DaiChain.Ledger.Crypto;
using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Primitives;

namespace DaiChain.Ledger.Transactions;

/// <summary>
/// The unsigned transaction envelope: which chain, the sender's nonce, the kind (which handler runs it) and
/// the kind's payload. The sender is not in the envelope; it is recovered from the signature.
/// </summary>
/// <remarks>
/// Encoding (the body that is signed): version <c>u8 = 1</c>, chain id <c>string&lt;64&gt;</c>, nonce
/// <c>varuint</c>, kind <c>u16</c>, payload <c>bytes&lt;131072&gt;</c>. The signature covers
/// <c>SignBytes.Digest(Transaction, chainId, body)</c>. There are no fees: the chain is permissioned and
/// admission is bounded by roles and mempool limits.
/// </remarks>
public sealed class Transaction : ICanonicalEncodable<Transaction>
{
    public const byte Version1 = 1;

    public Transaction(string chainId, ulong nonce, ushort kind, ReadOnlyMemory<byte> payload)
    {
        if (!SignBytes.IsValidChainId(chainId))
        {
            throw new ArgumentException($"'{chainId}' is not a valid chain id", nameof(chainId));
        }

        ArgumentOutOfRangeException.ThrowIfGreaterThan(payload.Length, ChainLimits.MaxPayloadBytes);
        ChainId = chainId;
        Nonce = nonce;
        Kind = kind;
        Payload = payload;
    }

    public string ChainId { get; }

    /// <summary>The sender's sequence number: the first transaction of an account has nonce 0.</summary>
    public ulong Nonce { get; }

    public ushort Kind { get; }

    public ReadOnlyMemory<byte> Payload { get; }

    /// <summary>Signs the envelope; the result carries its encoding and hash.</summary>
    public SignedTransaction Sign(ISigner signer)
    {
        var body = Canonical.Encode(this);
        var signature = signer.Sign(SigningDomain.Transaction, ChainId, body);
        return SignedTransaction.Create(this, body, signature);
    }

    /// <summary>The digest a signature over this envelope covers.</summary>
    public Hash256 Digest() => SignBytes.Digest(SigningDomain.Transaction, ChainId, Canonical.Encode(this));

    public void Encode(ref CanonicalWriter writer)
    {
        writer.WriteByte(Version1);
        writer.WriteString(ChainId, ChainLimits.MaxChainIdBytes);
        writer.WriteVarUInt(Nonce);
        writer.WriteUInt16(Kind);
        writer.WriteBytes(Payload.Span, ChainLimits.MaxPayloadBytes);
    }

    public static Transaction Decode(ref CanonicalReader reader)
    {
        _ = reader.ReadVersion("tx.version", Version1);
        var at = reader.Position;
        var chainId = reader.ReadString("tx.chain_id", ChainLimits.MaxChainIdBytes);
        if (!SignBytes.IsValidChainId(chainId))
        {
            throw new CodecException("tx.chain_id", at, "a chain id is 1-64 characters of [A-Za-z0-9._-]");
        }

        var nonce = reader.ReadVarUInt("tx.nonce");
        var kind = reader.ReadUInt16("tx.kind");
        var payload = reader.ReadBytes("tx.payload", ChainLimits.MaxPayloadBytes);
        return new Transaction(chainId, nonce, kind, payload);
    }
}
