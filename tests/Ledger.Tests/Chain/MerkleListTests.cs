using System.Security.Cryptography;
using DaiChain.Ledger.Chain;
using DaiChain.Ledger.Primitives;
using DaiChain.TestKit;

namespace DaiChain.Ledger.Tests.Chain;

public sealed class MerkleListTests
{
    [Fact]
    public void Empty_list_has_the_zero_root()
    {
        Assert.Equal(Hash256.Zero, MerkleList.Root([]));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(8)]
    [InlineData(13)]
    [InlineData(100)]
    public void Root_follows_the_RFC_6962_split(int count)
    {
        var items = new Random(count).DistinctHashes(count);
        Assert.Equal(Reference(items), MerkleList.Root(items));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(16)]
    [InlineData(33)]
    public void Every_item_proves_its_position_and_nothing_else(int count)
    {
        var random = new Random(count);
        var items = random.DistinctHashes(count);
        var root = MerkleList.Root(items);
        for (var i = 0; i < count; i++)
        {
            var path = MerkleList.Prove(items, i);
            Assert.True(MerkleList.Verify(root, items[i], i, count, path), $"index {i} of {count}");
            Assert.False(MerkleList.Verify(root, random.NextHash(), i, count, path));
            Assert.False(MerkleList.Verify(random.NextHash(), items[i], i, count, path));
            if (count > 1)
            {
                Assert.False(MerkleList.Verify(root, items[i], (i + 1) % count, count, path));
                Assert.False(MerkleList.Verify(root, items[i], i, count, path.Skip(1).ToArray()));
            }
        }
    }

    [Fact]
    public void A_leaf_cannot_pass_for_an_internal_node()
    {
        // With tagged hashes, the root of [a, b] is not the root of the one-item list [node(a, b)].
        var items = new Random(3).DistinctHashes(2);
        Assert.NotEqual(MerkleList.Root(items), MerkleList.Root([MerkleList.Root(items)]));
    }

    private static Hash256 Reference(List<Hash256> items)
    {
        if (items.Count == 1)
        {
            return Hash256.Compute([0x00, .. items[0].ToArray()]);
        }

        var k = 1;
        while (k * 2 < items.Count)
        {
            k *= 2;
        }

        var left = Reference(items.Take(k).ToList());
        var right = Reference(items.Skip(k).ToList());
        return new Hash256(SHA256.HashData([0x01, .. left.ToArray(), .. right.ToArray()]));
    }
}
