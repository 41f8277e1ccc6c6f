using DaiChain.Ledger.Accounts;
using DaiChain.Ledger.Chain;
using DaiChain.Ledger.Primitives;
using DaiChain.Ledger.Transactions;
using DaiChain.TestKit;

namespace DaiChain.Ledger.Tests.Execution;

internal static class ExecutionAssert
{
    public static Account AccountOf(this TestChain chain, Address address) => AccountState.Get(chain.Head.State, address);

    public static IReadOnlyList<Receipt> ReceiptsOf(this TestChain chain, Block block) => chain.Store.GetReceipts(block.Height)!;

    /// <summary>
    /// Commits a block with <paramref name="transaction"/> and asserts that it failed with <paramref name="code"/>
    /// and that nothing changed but the sender's nonce (when the nonce was consumed).
    /// </summary>
    public static Receipt FailsWith(this TestChain chain, SignedTransaction transaction, string code, Address sender, IEnumerable<Address>? watched = null, bool nonceConsumed = true)
    {
        var addresses = new[] { sender }.Concat(watched ?? []).Distinct().ToList();
        var before = addresses.ToDictionary(a => a, chain.AccountOf);
        var block = chain.CommitExactly(transaction);
        var receipt = chain.ReceiptsOf(block).Single();
        Assert.False(receipt.Success, $"expected {code}, the transaction succeeded");
        Assert.Equal(code, receipt.Code);
        Assert.False(string.IsNullOrWhiteSpace(receipt.Message));
        Assert.Empty(receipt.Events);
        foreach (var address in addresses)
        {
            var expected = before[address];
            if (address == sender && nonceConsumed)
            {
                expected = expected with { Nonce = expected.Nonce + 1 };
            }

            Assert.Equal(expected, chain.AccountOf(address));
        }

        return receipt;
    }
}
