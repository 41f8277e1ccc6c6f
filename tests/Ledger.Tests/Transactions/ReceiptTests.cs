using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Transactions;
using DaiChain.TestKit;

namespace DaiChain.Ledger.Tests.Transactions;

public sealed class ReceiptTests
{
    [Fact]
    public void Round_trips_success_and_failure()
    {
        var random = new Random(1);
        var success = new Receipt(random.NextHash(), Outcome.Success, [new ReceiptEvent("transfer", [new("to", "0xab"), new("amount", "5")])]);
        var failure = new Receipt(random.NextHash(), Outcome.Fail("insufficient_balance", "not enough"), []);
        foreach (var receipt in new[] { success, failure })
        {
            var bytes = Canonical.Encode(receipt);
            var decoded = Canonical.Decode<Receipt>(bytes);
            Assert.Equal(receipt.Hash, decoded.Hash);
            Assert.Equal(receipt.Code, decoded.Code);
            Assert.Equal(receipt.Message, decoded.Message);
            Assert.Equal(bytes, Canonical.Encode(decoded));
        }

        Assert.Equal("5", success.Events[0]["amount"]);
    }

    [Fact]
    public void The_hash_ignores_the_message_but_not_the_code()
    {
        var hash = new Random(2).NextHash();
        var a = new Receipt(hash, Outcome.Fail("insufficient_balance", "one wording"), []);
        var b = new Receipt(hash, Outcome.Fail("insufficient_balance", "another wording"), []);
        var c = new Receipt(hash, Outcome.Fail("invalid_amount", "one wording"), []);
        Assert.Equal(a.Hash, b.Hash);
        Assert.NotEqual(a.Hash, c.Hash);
    }

    [Fact]
    public void Rejects_a_success_with_a_code()
    {
        var bytes = Canonical.Encode(new Receipt(new Random(3).NextHash(), Outcome.Success, []));
        // version, 32-byte hash, success flag, code length 0 ... flip the flag to failure with an empty code.
        bytes[33] = 0;
        Assert.Throws<CodecException>(() => Canonical.Decode<Receipt>(bytes));
    }

    [Fact]
    public void Long_messages_are_cut_to_the_limit()
    {
        var receipt = new Receipt(new Random(4).NextHash(), Outcome.Fail("x", new string('é', 2000)), []);
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(receipt.Message) <= Receipt.MaxMessageBytes);
        Assert.EndsWith("...", receipt.Message, StringComparison.Ordinal);
        _ = Canonical.Decode<Receipt>(Canonical.Encode(receipt));
    }
}
