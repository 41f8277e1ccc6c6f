using DaiChain.Ledger.Accounts;
using DaiChain.Ledger.Chain;
using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Genesis;
using DaiChain.Ledger.Primitives;
using DaiChain.Ledger.State;
using DaiChain.Ledger.Transactions;

namespace DaiChain.Node.Api;

/// <summary>Turns chain types into the JSON views RPC returns. Hashes, keys and bytes are 0x-prefixed lower-case hex.</summary>
internal static class ApiViewMapper
{
    public static string Hex(ReadOnlySpan<byte> bytes) => "0x" + Ledger.Primitives.Hex.Encode(bytes);

    public static HeaderView Header(BlockHeader header, int transactionCount) => new(
        header.ChainId,
        header.Height,
        HashText(header.Hash()),
        header.TimeMs,
        GenesisJson.FormatTime(header.TimeMs),
        HashText(header.PreviousBlockHash),
        HashText(header.LastCommitHash),
        HashText(header.TransactionsRoot),
        HashText(header.ReceiptsRoot),
        HashText(header.StateRoot),
        HashText(header.ValidatorsHash),
        HashText(header.NextValidatorsHash),
        HashText(header.EvidenceHash),
        header.ProposerAddress.ToString(),
        transactionCount);

    public static CommitView Commit(CommitCertificate certificate, ValidatorSet? validators) => new(
        certificate.Height,
        certificate.Round,
        HashText(certificate.BlockHash),
        [.. certificate.Signatures.Select(s => new CommitSignatureView(
            s.ValidatorIndex,
            validators is not null && s.ValidatorIndex < validators.Count ? validators[s.ValidatorIndex].Address.ToString() : string.Empty,
            s.TimestampMs,
            Hex(Canonical.Encode(s.Signature))))]);

    public static ValidatorSetView Validators(ulong height, ValidatorSet set) => new(
        height,
        HashText(set.Hash),
        set.TotalPower,
        [.. set.Validators.Select((v, i) => new ValidatorView(i, v.Address.ToString(), "0x" + v.PublicKey.ToString(), v.Power))]);

    public static ReceiptView Receipt(Receipt receipt) => new(
        receipt.Success,
        receipt.Success ? null : receipt.Code,
        receipt.Success ? null : receipt.Message,
        [.. receipt.Events.Select(e => new EventView(e.Type, e.Attributes.ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal)))]);

    public static TransactionView Transaction(
        SignedTransaction transaction,
        ITransactionHandlerNames names,
        string status,
        Block? block = null,
        int? index = null,
        Receipt? receipt = null,
        bool withProof = false,
        Address? knownSender = null)
    {
        string? sender = knownSender is { } known ? known.ToString() : transaction.TryRecoverSender(out var address) ? address.ToString() : null;
        InclusionProofView? proof = null;
        if (withProof && block is not null && index is { } i)
        {
            var hashes = block.Transactions.Select(t => t.Hash).ToArray();
            proof = new InclusionProofView(HashText(block.Header.TransactionsRoot), i, hashes.Length, [.. MerkleList.Prove(hashes, i).Select(HashText)]);
        }

        return new TransactionView(
            HashText(transaction.Hash),
            status,
            block?.Height,
            index,
            block is null ? null : HashText(block.Hash),
            sender,
            transaction.Nonce,
            transaction.Kind,
            names.NameOf(transaction.Kind),
            Hex(transaction.Payload.Span),
            Transfer(transaction),
            receipt is null ? null : Receipt(receipt),
            proof,
            Hex(transaction.Encoded));
    }

    public static AccountView Account(Address address, ulong height, Account account) =>
        new(address.ToString(), height, account.Nonce, account.Balance, account.Roles);

    public static StateProofView Proof(ProvenValue proven)
    {
        var leaf = proven.Proof.Leaf;
        return new StateProofView(
            proven.Height,
            HashText(proven.StateRoot),
            HashText(proven.KeyHash),
            proven.Value is not null,
            proven.Value is null ? null : Hex(proven.Value),
            proven.Value is null ? null : HashText(StateHashing.ValueHash(proven.Value)),
            leaf is { } l ? HashText(l.KeyHash) : null,
            leaf is { } v ? HashText(v.ValueHash) : null,
            [.. proven.Proof.Siblings.Select(HashText)],
            Hex(Canonical.Encode(proven.Proof)));
    }

    public static string HashText(Hash256 hash) => "0x" + hash.ToString();

    private static TransferView? Transfer(SignedTransaction transaction)
    {
        if (transaction.Kind != TransactionKinds.Transfer)
        {
            return null;
        }

        try
        {
            var payload = Canonical.Decode<TransferPayload>(transaction.Payload.Span);
            return new TransferView(payload.Recipient.ToString(), payload.Amount, payload.Memo);
        }
        catch (CodecException)
        {
            return null;
        }
    }
}
