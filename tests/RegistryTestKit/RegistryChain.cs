using DaiChain.Ledger.Accounts;
using DaiChain.Ledger.Chain;
using DaiChain.Ledger.Crypto;
using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Primitives;
using DaiChain.Ledger.Storage;
using DaiChain.Ledger.Transactions;
using DaiChain.ModelRegistry;
using DaiChain.ModelRegistry.Rewards;
using DaiChain.ModelRegistry.Transactions;
using DaiChain.TestKit;
using Xunit;

namespace DaiChain.RegistryTestKit;

/// <summary>
/// A <see cref="TestChain"/> that runs the registry (production rules from <see cref="RegistryModule"/>), with
/// <see cref="Actors"/> holding their roles, nonces tracked per sender, and assertions for accepted and rejected
/// transactions.
/// </summary>
public sealed class RegistryChain
{
    private readonly Dictionary<Address, ulong> _nonces = [];

    public RegistryChain(Func<GenesisBuilder, GenesisBuilder>? configure = null, IKeyValueStore? store = null)
    {
        var builder = Build.A.Genesis;
        foreach (var (key, roles) in Actors.All)
        {
            builder = builder.WithAccount(key.Address, 1_000_000, roles);
        }

        builder = configure?.Invoke(builder) ?? builder;
        Chain = new TestChain(builder.Build(), store, RegistryModule.CreateRules());
    }

    public TestChain Chain { get; }

    public string ChainId => Chain.ChainId;

    public ulong Height => Chain.Height;

    public Hash256 StateRoot => Chain.Head.StateRoot.Hash;

    /// <summary>A signed registry transaction from <paramref name="from"/> with its next nonce (counting ones built but not yet committed).</summary>
    public SignedTransaction Tx<TPayload>(PrivateKey from, TPayload payload)
        where TPayload : ICanonicalEncodable<TPayload> => Sign(from, nonce => RegistryTransactions.Create(ChainId, nonce, payload));

    /// <summary>Any transaction from <paramref name="from"/> with its next nonce.</summary>
    public SignedTransaction Sign(PrivateKey from, Func<ulong, Transaction> build)
    {
        if (!_nonces.TryGetValue(from.Address, out var nonce))
        {
            nonce = AccountState.Get(Chain.Head.State, from.Address).Nonce;
        }

        _nonces[from.Address] = nonce + 1;
        return build(nonce).Sign(from.Signer());
    }

    /// <summary>Commits the transactions in one block and asserts that every one succeeded.</summary>
    public IReadOnlyList<Receipt> Commit(params SignedTransaction[] transactions)
    {
        var block = Chain.CommitNext(transactions);
        Assert.Equal(transactions.Length, block.Transactions.Count);
        var receipts = Chain.Store.GetReceipts(block.Height)!;
        foreach (var receipt in receipts)
        {
            Assert.True(receipt.Success, receipt.ToString());
        }

        return receipts;
    }

    /// <summary>
    /// Asserts that <paramref name="transaction"/> is rejected with <paramref name="code"/> and changes nothing it
    /// should not. A payload that fails the stateless checks never enters a block: the envelope check gives the code
    /// and a proposal leaves it out (the sender's nonce is given back to the tracker). Otherwise it is committed,
    /// and the state root after it must equal the state root after a transaction of the same sender and nonce
    /// that fails in Ledger (a transfer beyond any balance): only the nonce moved.
    /// </summary>
    public Receipt? Rejects(SignedTransaction transaction, string code, PrivateKey sender)
    {
        var envelope = Chain.Executor.CheckEnvelope(ChainId, transaction, out _);
        if (!envelope.IsSuccess)
        {
            Assert.Equal(code, envelope.Code);
            Assert.False(string.IsNullOrWhiteSpace(envelope.Message));
            var (left, leftResult) = Chain.Propose([transaction]);
            Assert.Empty(left.Transactions);
            Assert.Equal(Chain.Propose([]).Result.StateRoot, leftResult.StateRoot);
            _nonces[sender.Address] = transaction.Nonce;
            return null;
        }

        var (block, result) = Chain.Propose([transaction]);
        Assert.Single(block.Transactions);
        var receipt = result.Receipts.Single();
        Assert.False(receipt.Success, $"expected {code}, the transaction succeeded");
        Assert.Equal(code, receipt.Code);
        Assert.False(string.IsNullOrWhiteSpace(receipt.Message));

        var noop = new Transaction(ChainId, transaction.Nonce, TransactionKinds.Transfer, Canonical.Encode(new TransferPayload(Keys.Account(9).Address, ulong.MaxValue))).Sign(sender.Signer());
        var (_, reference) = Chain.Propose([noop]);
        Assert.Equal(ErrorCodes.InsufficientBalance, reference.Receipts.Single().Code);
        Assert.Equal(reference.StateRoot, result.StateRoot);

        Chain.Commit(block);
        return receipt;
    }

    /// <summary>Commits empty blocks until the head is at <paramref name="height"/>.</summary>
    public void AdvanceTo(ulong height) => Chain.AdvanceTo(height);

    /// <summary>Funds the reward pool from <paramref name="from"/>.</summary>
    public void FundRewardPool(PrivateKey from, ulong amount) =>
        Commit(Sign(from, nonce => new Transaction(ChainId, nonce, TransactionKinds.Transfer, Canonical.Encode(new TransferPayload(RewardPool.Address, amount)))));

    public Account AccountOf(Address address) => AccountState.Get(Chain.Head.State, address);

    public Block LastBlock => Chain.Store.GetBlock(Chain.Height)!;

}
