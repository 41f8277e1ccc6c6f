using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.State;
using DaiChain.TestKit;

namespace DaiChain.Ledger.Tests.State;

public sealed class TreeNodeCodecTests
{
    [Theory]
    [MemberData(nameof(Seeds.Default), MemberType = typeof(Seeds))]
    public void Stored_nodes_round_trip(int seed)
    {
        var random = new Random(seed);
        var harness = new TreeHarness();
        var batch = harness.Set(random.DistinctHashes(300).Select(k => (k, random.NextHash())));
        foreach (var (key, node) in batch.NewNodes)
        {
            var bytes = node.Encode();
            var decoded = TreeNode.Decode(bytes);
            Assert.Equal(node.Hash, decoded.Hash);
            Assert.Equal(bytes, decoded.Encode());
            Assert.Equal(key, NodeKey.Decode(key.Encode()));
        }
    }

    [Fact]
    public void Rejects_internal_nodes_that_should_have_collapsed_or_are_empty()
    {
        var hash = new Random(1).NextHash();
        // One child that is a leaf: bitmaps 0x0001 / 0x0001.
        var single = new List<byte> { 1, 0, 1, 0, 1, 5 };
        single.AddRange(hash.ToArray());
        Assert.Throws<CodecException>(() => TreeNode.Decode(single.ToArray()));
        Assert.Throws<CodecException>(() => TreeNode.Decode([1, 0, 0, 0, 0]));
        // Leaf bit without a child.
        Assert.Throws<CodecException>(() => TreeNode.Decode([1, 0, 1, 0, 2]));
        Assert.Throws<CodecException>(() => TreeNode.Decode([9]));
    }

    [Fact]
    public void Rejects_node_keys_with_bits_beyond_their_depth()
    {
        var key = new NodeKey(7, 3, Nibbles.Prefix(new Random(3).NextBytes(32), 3));
        var bytes = key.Encode();
        Assert.Equal(key, NodeKey.Decode(bytes));
        bytes[^1] |= 0x01;
        Assert.Throws<FormatException>(() => NodeKey.Decode(bytes));
        Assert.Throws<FormatException>(() => NodeKey.Decode(bytes.AsSpan(0, bytes.Length - 1)));
    }

    [Fact]
    public void Tree_root_round_trips_and_rejects_a_nonzero_empty_root()
    {
        var root = new TreeRoot(NodeKey.Root(4), new Random(2).NextHash());
        Assert.Equal(root, Canonical.Decode<TreeRoot>(Canonical.Encode(root)));
        Assert.Equal(TreeRoot.Empty, Canonical.Decode<TreeRoot>(Canonical.Encode(TreeRoot.Empty)));
        var bad = Canonical.Encode(TreeRoot.Empty);
        bad[^1] = 1;
        Assert.Throws<CodecException>(() => Canonical.Decode<TreeRoot>(bad));
    }
}
