using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Primitives;
using DaiChain.Node.Configuration;
using DaiChain.Node.Sync;
using DaiChain.TestKit;

namespace DaiChain.Node.Tests.Sync;

public sealed class BlockSyncMessageTests
{
    [Fact]
    public void Requests_blocks_and_refusals_round_trip()
    {
        var chain = new TestChain();
        var block = chain.CommitNext();
        var certificate = chain.CommitFor(block);
        BlockSyncMessage[] messages = [new BlockSyncMessage.Request(7), new BlockSyncMessage.NoBlock(9), new BlockSyncMessage.BlockAt(1, block.Encode(), certificate)];

        foreach (var message in messages)
        {
            var decoded = BlockSyncMessage.Decode(message.Encode());
            Assert.Equal(message.GetType(), decoded.GetType());
            Assert.Equal(message.Encode(), decoded.Encode());
        }
    }

    [Fact]
    public void Trailing_bytes_and_unknown_kinds_are_refused()
    {
        var bytes = new BlockSyncMessage.Request(7).Encode();

        Assert.Throws<CodecException>(() => BlockSyncMessage.Decode([.. bytes, 0]));
        bytes[1] = 9;
        Assert.Throws<CodecException>(() => BlockSyncMessage.Decode(bytes));
        Assert.Throws<CodecException>(() => BlockSyncMessage.Decode([]));
    }

    [Fact]
    public void Status_round_trips_and_refuses_an_unknown_mode()
    {
        var status = new StatusMessage(42, Hash256.Compute("block"u8), NodeMode.Audit);
        Assert.Equal(status, StatusMessage.Decode(status.Encode()));

        var bytes = status.Encode();
        bytes[^1] = 7;
        Assert.Throws<CodecException>(() => StatusMessage.Decode(bytes));
    }
}
