using DaiChain.Ledger.Primitives;
using DaiChain.Ledger.State;
using DaiChain.TestKit;

namespace DaiChain.Ledger.Tests.State;

public sealed class StateTreeTests
{
    [Fact]
    public void An_empty_tree_has_the_zero_root()
    {
        var harness = new TreeHarness();
        var batch = harness.Apply([]);
        Assert.Equal(Hash256.Zero, batch.Root.Hash);
        Assert.True(batch.Root.IsEmpty);
    }

    [Fact]
    public void A_single_key_tree_has_the_leaf_as_root()
    {
        var random = new Random(1);
        var (key, value) = (random.NextHash(), random.NextHash());
        var harness = new TreeHarness();
        var batch = harness.Set([(key, value)]);
        Assert.Equal(StateHashing.Leaf(key, value), batch.Root.Hash);
        Assert.Single(batch.NewNodes);
    }

    [Theory]
    [MemberData(nameof(Seeds.Default), MemberType = typeof(Seeds))]
    public void Root_matches_the_reference_binary_tree(int seed)
    {
        var random = new Random(seed);
        var harness = new TreeHarness();
        foreach (var size in new[] { 2, 3, 17, 300 })
        {
            harness.Set(random.DistinctHashes(size).Select(k => (k, random.NextHash())));
            Assert.True(ReferenceSparseMerkleTree.Root(harness.Model) == harness.Root.Hash, $"seed {seed}, size {harness.Model.Count}");
        }
    }

    [Theory]
    [MemberData(nameof(Seeds.Default), MemberType = typeof(Seeds))]
    public void Root_does_not_depend_on_insertion_order_or_batching(int seed)
    {
        var random = new Random(seed);
        var entries = random.DistinctHashes(500).Select(k => (k, random.NextHash())).ToList();

        var oneBatch = new TreeHarness();
        oneBatch.Set(entries);

        var manyBatches = new TreeHarness();
        foreach (var chunk in random.Shuffled(entries).Chunk(random.Next(1, 60)))
        {
            manyBatches.Set(chunk);
        }

        var oneByOne = new TreeHarness();
        foreach (var entry in random.Shuffled(entries))
        {
            oneByOne.Set([entry]);
        }

        Assert.True(oneBatch.Root.Hash == manyBatches.Root.Hash, $"seed {seed}");
        Assert.True(oneBatch.Root.Hash == oneByOne.Root.Hash, $"seed {seed}");
    }

    [Theory]
    [MemberData(nameof(Seeds.Default), MemberType = typeof(Seeds))]
    public void Deleting_keys_gives_the_root_of_the_remaining_set(int seed)
    {
        var random = new Random(seed);
        var entries = random.DistinctHashes(400).Select(k => (k, random.NextHash())).ToList();
        var harness = new TreeHarness();
        harness.Set(entries);

        var deleted = random.Shuffled(entries).Take(250).ToList();
        foreach (var chunk in deleted.Chunk(37))
        {
            harness.Apply(chunk.Select(e => new TreeUpdate(e.k, null)));
        }

        var fresh = new TreeHarness();
        fresh.Set(entries.Except(deleted));
        Assert.True(fresh.Root.Hash == harness.Root.Hash, $"seed {seed}");
        Assert.True(ReferenceSparseMerkleTree.Root(harness.Model) == harness.Root.Hash, $"seed {seed}");

        harness.Apply(entries.Except(deleted).Select(e => new TreeUpdate(e.k, null)));
        Assert.True(harness.Root.IsEmpty, $"seed {seed}");
    }

    [Fact]
    public void Deleting_an_absent_key_or_rewriting_a_value_keeps_the_root()
    {
        var random = new Random(5);
        var entries = random.DistinctHashes(50).Select(k => (k, random.NextHash())).ToList();
        var harness = new TreeHarness();
        harness.Set(entries);
        var before = harness.Root.Hash;

        harness.Apply([new TreeUpdate(random.NextHash(), null)]);
        Assert.Equal(before, harness.Root.Hash);

        harness.Set([entries[7]]);
        Assert.Equal(before, harness.Root.Hash);
    }

    [Theory]
    [MemberData(nameof(Seeds.Default), MemberType = typeof(Seeds))]
    public void Mixed_updates_track_the_model_at_every_version(int seed)
    {
        var random = new Random(seed);
        var harness = new TreeHarness();
        var known = new List<Hash256>();
        for (var round = 0; round < 30; round++)
        {
            var updates = new Dictionary<Hash256, Hash256?>();
            for (var i = random.Next(1, 40); i > 0; i--)
            {
                if (known.Count > 0 && random.Next(3) == 0)
                {
                    updates[known[random.Next(known.Count)]] = random.Next(2) == 0 ? null : random.NextHash();
                }
                else
                {
                    var key = random.NextHash();
                    known.Add(key);
                    updates[key] = random.NextHash();
                }
            }

            harness.Apply(updates.Select(u => new TreeUpdate(u.Key, u.Value)));
            Assert.True(ReferenceSparseMerkleTree.Root(harness.Model) == harness.Root.Hash, $"seed {seed}, round {round}");
        }

        foreach (var key in known)
        {
            Assert.Equal(harness.Model.TryGetValue(key, out var v) ? v : null, harness.Tree.GetValueHash(harness.Root, key));
        }
    }

    [Theory]
    [MemberData(nameof(Seeds.Default), MemberType = typeof(Seeds))]
    public void Parallel_and_sequential_updates_write_the_same_nodes(int seed)
    {
        var random = new Random(seed);
        var first = random.DistinctHashes(3000).Select(k => (k, random.NextHash())).ToList();
        var second = random.Shuffled(first).Take(800).Select(e => (e.k, random.NextHash())).Concat(random.DistinctHashes(900).Select(k => (k, random.NextHash()))).DistinctBy(e => e.Item1).ToList();

        var parallel = new TreeHarness(parallelThreshold: 16);
        var sequential = new TreeHarness(parallelThreshold: int.MaxValue);
        foreach (var entries in new[] { first, second })
        {
            var a = parallel.Set(entries);
            var b = sequential.Set(entries);
            Assert.Equal(a.Root, b.Root);
            Assert.Equal(a.NewNodes.Select(n => (n.Key, n.Value.Hash)), b.NewNodes.Select(n => (n.Key, n.Value.Hash)));
            Assert.Equal(a.StaleNodes, b.StaleNodes);
        }
    }

    [Theory]
    [MemberData(nameof(Seeds.Default), MemberType = typeof(Seeds))]
    public void Past_versions_stay_readable_and_provable(int seed)
    {
        var random = new Random(seed);
        var harness = new TreeHarness();
        var snapshots = new List<(ulong Version, Dictionary<Hash256, Hash256> Model)>();
        for (var round = 0; round < 10; round++)
        {
            var updates = random.DistinctHashes(20).Select(k => new TreeUpdate(k, random.NextHash())).ToList();
            if (harness.Model.Count > 0)
            {
                updates.Add(new TreeUpdate(random.Shuffled(harness.Model.Keys).First(), null));
                updates = [.. updates.DistinctBy(u => u.KeyHash)];
            }

            harness.Apply(updates);
            snapshots.Add((harness.Version, new Dictionary<Hash256, Hash256>(harness.Model)));
        }

        foreach (var (version, model) in snapshots)
        {
            var root = harness.Roots[version];
            foreach (var (key, value) in model)
            {
                Assert.Equal(value, harness.Tree.GetValueHash(root, key));
                Assert.True(harness.Tree.Prove(root, key).VerifyInclusion(root.Hash, key, value), $"seed {seed}, version {version}");
            }
        }
    }

    [Fact]
    public void Pruning_stale_nodes_keeps_the_latest_version_whole()
    {
        var random = new Random(8);
        var harness = new TreeHarness();
        var keys = random.DistinctHashes(200);
        for (var round = 0; round < 8; round++)
        {
            harness.Set(random.Shuffled(keys).Take(60).Select(k => (k, random.NextHash())));
        }

        var before = harness.Store.Count;
        var removed = harness.Store.PruneUpTo(harness.Version);
        Assert.True(removed > 0);
        Assert.Equal(before - removed, harness.Store.Count);
        foreach (var (key, value) in harness.Model)
        {
            Assert.True(harness.Tree.Prove(harness.Root, key).VerifyInclusion(harness.Root.Hash, key, value));
        }

        // Exactly the latest version's nodes remain: a fresh build of the same set has as many nodes.
        var fresh = new TreeHarness();
        var batch = fresh.Set(harness.Model.Select(e => (e.Key, e.Value)));
        Assert.Equal(batch.NewNodes.Count, harness.Store.Count);
    }

    [Fact]
    public void Rejects_unsorted_updates_and_non_increasing_versions()
    {
        var random = new Random(3);
        var harness = new TreeHarness();
        var keys = random.DistinctHashes(2);
        Assert.Throws<ArgumentException>(() => harness.Tree.Update(TreeRoot.Empty, 1, [new(keys[1], keys[0]), new(keys[0], keys[0])]));
        Assert.Throws<ArgumentException>(() => harness.Tree.Update(TreeRoot.Empty, 1, [new(keys[0], keys[0]), new(keys[0], keys[1])]));
        harness.Set([(keys[0], keys[1])]);
        Assert.Throws<ArgumentException>(() => harness.Tree.Update(harness.Root, 1, [new(keys[1], keys[0])]));
    }
}
