using DaiChain.Ledger.Chain;
using DaiChain.Ledger.Crypto;
using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Primitives;

namespace DaiChain.Ledger.Transactions;

/// <summary>
/// A transaction with its 65-byte recoverable signature, as it travels and as blocks hold it. Keeps its exact
/// encoding, so the hash and the signed body are slices of the bytes received, never a re-encoding.
/// </summary>
/// <remarks>
/// Encoding: the <see cref="Transaction"/> body followed by the signature (65 bytes). <see cref="Hash"/> is
/// SHA-256 of the whole encoding and identifies the transaction everywhere (mempool, index, receipts).
/// The signature must be canonical (low-S, recovery id 0 or 1), so one signed transaction has one hash.
/// </remarks>
public sealed class SignedTransaction : ICanonicalEncodable<SignedTransaction>
{
    private readonly byte[] _encoded;
    private readonly int _bodyLength;

    private SignedTransaction(Transaction transaction, byte[] encoded, int bodyLength, RecoverableSignature signature)
    {
        Transaction = transaction;
        _encoded = encoded;
        _bodyLength = bodyLength;
        Signature = signature;
        Hash = Hash256.Compute(encoded);
    }

    public Transaction Transaction { get; }

    public RecoverableSignature Signature { get; }

    public Hash256 Hash { get; }

    /// <summary>The canonical encoding; do not modify.</summary>
    public ReadOnlySpan<byte> Encoded => _encoded;

    public int Size => _encoded.Length;

    /// <summary>The signed body: the envelope's encoding.</summary>
    public ReadOnlySpan<byte> Body => _encoded.AsSpan(0, _bodyLength);

    public string ChainId => Transaction.ChainId;

    public ulong Nonce => Transaction.Nonce;

    public ushort Kind => Transaction.Kind;

    public ReadOnlyMemory<byte> Payload => Transaction.Payload;

    /// <summary>Decodes and checks the canonical form (not the signature; see <see cref="TryRecoverSender"/>).</summary>
    /// <exception cref="CodecException">The bytes are not one canonical signed transaction.</exception>
    public static SignedTransaction FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > ChainLimits.MaxTransactionBytes)
        {
            throw new CodecException("tx", 0, $"a transaction is at most {ChainLimits.MaxTransactionBytes} bytes, got {bytes.Length}");
        }

        return Canonical.Decode<SignedTransaction>(bytes);
    }

    /// <summary>The signature's digest: <c>SignBytes.Digest(Transaction, chainId, body)</c>.</summary>
    public Hash256 Digest() => SignBytes.Digest(SigningDomain.Transaction, ChainId, Body);

    /// <summary>Recovers the sender's address from the signature; false when the signature is invalid.</summary>
    public bool TryRecoverSender(out Address sender)
    {
        if (Secp256k1.Shared.TryRecover(Digest(), Signature, out var key))
        {
            sender = key.Address;
            return true;
        }

        sender = default;
        return false;
    }

    public void Encode(ref CanonicalWriter writer) => writer.WriteFixed(_encoded);

    public static SignedTransaction Decode(ref CanonicalReader reader)
    {
        var start = reader.Position;
        var transaction = Transaction.Decode(ref reader);
        var bodyLength = reader.Position - start;
        var signature = RecoverableSignature.Decode(ref reader);
        var encoded = new byte[reader.Position - start];
        var writer = new CanonicalWriter(encoded);
        transaction.Encode(ref writer);
        signature.Encode(ref writer);
        return new SignedTransaction(transaction, encoded, bodyLength, signature);
    }

    internal static SignedTransaction Create(Transaction transaction, byte[] body, RecoverableSignature signature)
    {
        var encoded = new byte[body.Length + RecoverableSignature.Size];
        body.CopyTo(encoded, 0);
        var writer = new CanonicalWriter(encoded.AsSpan(body.Length));
        signature.Encode(ref writer);
        return new SignedTransaction(transaction, encoded, body.Length, signature);
    }

    public override string ToString() => $"tx {Hash} kind {Kind} nonce {Nonce}";
}
