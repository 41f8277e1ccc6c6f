using DaiChain.Ledger.Accounts;
using DaiChain.Ledger.Crypto;
using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Governance;
using DaiChain.Ledger.Primitives;
using DaiChain.Ledger.Staking;
using DaiChain.Ledger.Transactions;

namespace DaiChain.TestKit;

/// <summary>Signed transactions for tests: <c>Build.A.Transfer.From(Keys.Account(0)).Amount(5).Nonce(0).Signed()</c>.</summary>
public sealed class TransactionBuilder
{
    private PrivateKey _from = Keys.Account(0);
    private string _chainId = GenesisBuilder.DefaultChainId;
    private ulong _nonce;
    private ushort _kind = TransactionKinds.Transfer;
    private byte[] _payload = Canonical.Encode(new TransferPayload(Keys.Account(1).Address, 1));

    public TransactionBuilder From(PrivateKey key)
    {
        _from = key;
        return this;
    }

    public TransactionBuilder OnChain(string chainId)
    {
        _chainId = chainId;
        return this;
    }

    public TransactionBuilder Nonce(ulong nonce)
    {
        _nonce = nonce;
        return this;
    }

    public TransactionBuilder Transfer(Address to, ulong amount, string memo = "")
    {
        _kind = TransactionKinds.Transfer;
        _payload = Canonical.Encode(new TransferPayload(to, amount, memo));
        return this;
    }

    public TransactionBuilder Bond(ulong amount)
    {
        _kind = TransactionKinds.Bond;
        _payload = Canonical.Encode(new StakePayload(amount));
        return this;
    }

    public TransactionBuilder Unbond(ulong amount)
    {
        _kind = TransactionKinds.Unbond;
        _payload = Canonical.Encode(new StakePayload(amount));
        return this;
    }

    public TransactionBuilder Propose(GovernanceAction action, string summary = "test proposal")
    {
        _kind = TransactionKinds.Propose;
        _payload = Canonical.Encode(new ProposePayload(action, summary));
        return this;
    }

    public TransactionBuilder VoteOn(ulong proposalId, bool approve)
    {
        _kind = TransactionKinds.VoteOnProposal;
        _payload = Canonical.Encode(new VoteOnProposalPayload(proposalId, approve));
        return this;
    }

    public TransactionBuilder Raw(ushort kind, byte[] payload)
    {
        _kind = kind;
        _payload = payload;
        return this;
    }

    public Transaction Unsigned() => new(_chainId, _nonce, _kind, _payload);

    public SignedTransaction Signed() => Unsigned().Sign(_from.Signer());
}
