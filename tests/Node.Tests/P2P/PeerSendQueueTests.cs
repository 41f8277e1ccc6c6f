using DaiChain.Node.P2P;

namespace DaiChain.Node.Tests.P2P;

public class PeerSendQueueTests
{
    private static PeerSendQueue Queue(long bytesMax = 1 << 20, int fragmentBytes = 4, int capacity = 3) => new(
        [
            new ChannelDescriptor(ChannelId.Mempool, Priority: 5, capacity, bytesMax, MaxMessageBytes: 10),
            new ChannelDescriptor(ChannelId.Consensus, Priority: 10, capacity, bytesMax, MaxMessageBytes: 10),
            new ChannelDescriptor(ChannelId.BlockSync, Priority: 3, capacity, bytesMax, MaxMessageBytes: 10),
        ],
        fragmentBytes);

    private static List<OutgoingFragment> Drain(PeerSendQueue queue)
    {
        var taken = new List<OutgoingFragment>();
        while (queue.TryTake(out var fragment))
        {
            taken.Add(fragment);
        }

        return taken;
    }

    [Fact]
    public void Consensus_goes_first_then_by_priority()
    {
        var queue = Queue(fragmentBytes: 100);
        Assert.Equal(SendResult.Queued, queue.TryEnqueue(ChannelId.BlockSync, "block"u8.ToArray()));
        Assert.Equal(SendResult.Queued, queue.TryEnqueue(ChannelId.Mempool, "tx"u8.ToArray()));
        Assert.Equal(SendResult.Queued, queue.TryEnqueue(ChannelId.Consensus, "vote"u8.ToArray()));

        Assert.Equal([ChannelId.Consensus, ChannelId.Mempool, ChannelId.BlockSync], Drain(queue).Select(f => f.Channel));
    }

    [Fact]
    public void Consensus_overtakes_a_large_message_between_its_fragments()
    {
        var queue = Queue(fragmentBytes: 4);
        queue.TryEnqueue(ChannelId.BlockSync, "0123456789"u8.ToArray());
        Assert.True(queue.TryTake(out var first));
        Assert.Equal("0123"u8.ToArray(), first.Data.ToArray());
        Assert.False(first.IsLast);

        queue.TryEnqueue(ChannelId.Consensus, "vote"u8.ToArray());
        var rest = Drain(queue);

        Assert.Equal(ChannelId.Consensus, rest[0].Channel);
        Assert.True(rest[0].IsLast);
        Assert.Equal("456789"u8.ToArray(), rest.Skip(1).SelectMany(f => f.Data.ToArray()).ToArray());
        Assert.True(rest[^1].IsLast);
    }

    [Fact]
    public void Messages_of_one_channel_stay_in_order()
    {
        var queue = Queue(fragmentBytes: 2);
        queue.TryEnqueue(ChannelId.Mempool, "aaa"u8.ToArray());
        queue.TryEnqueue(ChannelId.Mempool, "bb"u8.ToArray());

        var taken = Drain(queue);

        Assert.Equal(["aa", "a", "bb"], taken.Select(f => System.Text.Encoding.ASCII.GetString(f.Data.Span)));
        Assert.Equal([false, true, true], taken.Select(f => f.IsLast));
    }

    [Fact]
    public void A_full_channel_refuses_without_affecting_the_others()
    {
        var queue = Queue(capacity: 2);
        queue.TryEnqueue(ChannelId.Mempool, "1"u8.ToArray());
        queue.TryEnqueue(ChannelId.Mempool, "2"u8.ToArray());

        Assert.Equal(SendResult.ChannelFull, queue.TryEnqueue(ChannelId.Mempool, "3"u8.ToArray()));
        Assert.Equal(SendResult.Queued, queue.TryEnqueue(ChannelId.Consensus, "v"u8.ToArray()));
        Assert.Equal(2, queue.Count(ChannelId.Mempool));
    }

    [Fact]
    public void The_channel_byte_bound_refuses_what_would_exceed_it_and_frees_as_fragments_are_taken()
    {
        var queue = Queue(bytesMax: 10, fragmentBytes: 4);
        Assert.Equal(SendResult.Queued, queue.TryEnqueue(ChannelId.BlockSync, new byte[8]));
        Assert.Equal(SendResult.ChannelBytesFull, queue.TryEnqueue(ChannelId.BlockSync, new byte[3]));
        Assert.Equal(SendResult.Queued, queue.TryEnqueue(ChannelId.Consensus, new byte[10]));

        for (var i = 0; i < 4; i++)
        {
            Assert.True(queue.TryTake(out _)); // three consensus fragments (4 + 4 + 2), then 4 block bytes
        }

        Assert.Equal(4, queue.QueuedBytes);
        Assert.Equal(SendResult.Queued, queue.TryEnqueue(ChannelId.BlockSync, new byte[3]));
    }

    [Fact]
    public void Ping_and_pong_go_before_any_message()
    {
        var queue = Queue();
        queue.TryEnqueue(ChannelId.Consensus, "v"u8.ToArray());
        queue.EnqueuePing();
        queue.EnqueuePong();
        queue.EnqueuePong();

        Assert.Equal([FrameKind.Pong, FrameKind.Ping, FrameKind.Message], Drain(queue).Select(f => f.Kind));
    }

    [Fact]
    public void An_oversize_message_or_unserved_channel_is_a_caller_error()
    {
        var queue = Queue();

        Assert.Throws<ArgumentException>(() => queue.TryEnqueue(ChannelId.Consensus, new byte[11]));
        Assert.Throws<ArgumentException>(() => queue.TryEnqueue(ChannelId.Artifacts, new byte[1]));
    }

    [Fact]
    public async Task Waiting_completes_on_enqueue_and_on_close_and_close_refuses_further_sends()
    {
        var queue = Queue();
        var waiting = queue.WaitAsync();
        Assert.False(waiting.IsCompleted);
        queue.TryEnqueue(ChannelId.Mempool, "x"u8.ToArray());
        await waiting.WaitAsync(TimeSpan.FromSeconds(5));

        Drain(queue);
        waiting = queue.WaitAsync();
        queue.Close();
        await waiting.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(SendResult.Closed, queue.TryEnqueue(ChannelId.Mempool, "y"u8.ToArray()));
        Assert.False(queue.TryTake(out _));
    }
}
