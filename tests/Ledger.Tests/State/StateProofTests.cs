using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Primitives;
using DaiChain.Ledger.State;
using DaiChain.TestKit;

namespace DaiChain.Ledger.Tests.State;

public sealed class StateProofTests
{
    [Theory]
    [MemberData(nameof(Seeds.Default), MemberType = typeof(Seeds))]
    public void Every_inclusion_and_exclusion_proof_verifies(int seed)
    {
        var random = new Random(seed);
        var harness = new TreeHarness();
        harness.Set(random.DistinctHashes(400).Select(k => (k, random.NextHash())));
        var root = harness.Root;

        foreach (var (key, value) in harness.Model)
        {
            var proof = harness.Tree.Prove(root, key);
            Assert.True(proof.VerifyInclusion(root.Hash, key, value), $"seed {seed}");
            Assert.False(proof.VerifyExclusion(root.Hash, key), $"seed {seed}");
            Assert.False(proof.VerifyInclusion(root.Hash, key, random.NextHash()), $"seed {seed}");
        }

        for (var i = 0; i < 400; i++)
        {
            var absent = random.NextHash();
            var proof = harness.Tree.Prove(root, absent);
            Assert.True(proof.VerifyExclusion(root.Hash, absent), $"seed {seed}");
            Assert.False(proof.VerifyInclusion(root.Hash, absent, random.NextHash()), $"seed {seed}");
        }
    }

    [Fact]
    public void Proofs_work_for_keys_sharing_long_prefixes()
    {
        // Keys equal in their first 255 bits, or 200, or 130: deep chains of single-child internal nodes.
        var baseBytes = new Random(4).NextBytes(32);
        var keys = new List<Hash256>();
        foreach (var bit in new[] { 255, 254, 200, 130, 3 })
        {
            var bytes = (byte[])baseBytes.Clone();
            bytes[bit / 8] ^= (byte)(0x80 >> (bit % 8));
            keys.Add(new Hash256(bytes));
        }

        keys.Add(new Hash256(baseBytes));
        var harness = new TreeHarness();
        var random = new Random(9);
        harness.Set(keys.Select(k => (k, random.NextHash())));
        Assert.Equal(ReferenceSparseMerkleTree.Root(harness.Model), harness.Root.Hash);
        foreach (var (key, value) in harness.Model)
        {
            var proof = harness.Tree.Prove(harness.Root, key);
            Assert.True(proof.VerifyInclusion(harness.Root.Hash, key, value));
        }

        var deepest = harness.Tree.Prove(harness.Root, keys[0]);
        Assert.Equal(256, deepest.Siblings.Count);

        // Removing one of the two deepest keys collapses the whole chain back up.
        harness.Apply([new TreeUpdate(keys[0], null)]);
        Assert.Equal(ReferenceSparseMerkleTree.Root(harness.Model), harness.Root.Hash);
        Assert.True(harness.Tree.Prove(harness.Root, keys[0]).VerifyExclusion(harness.Root.Hash, keys[0]));
        Assert.True(harness.Tree.Prove(harness.Root, keys[5]).Siblings.Count < 256);
    }

    [Fact]
    public void Empty_tree_proves_absence_of_anything()
    {
        var harness = new TreeHarness();
        var key = new Random(2).NextHash();
        var proof = harness.Tree.Prove(TreeRoot.Empty, key);
        Assert.Null(proof.Leaf);
        Assert.Empty(proof.Siblings);
        Assert.True(proof.VerifyExclusion(Hash256.Zero, key));
    }

    [Theory]
    [MemberData(nameof(Seeds.Default), MemberType = typeof(Seeds))]
    public void Any_tampered_proof_fails(int seed)
    {
        var random = new Random(seed);
        var harness = new TreeHarness();
        harness.Set(random.DistinctHashes(300).Select(k => (k, random.NextHash())));
        var root = harness.Root.Hash;

        foreach (var (key, value) in random.Shuffled(harness.Model).Take(40))
        {
            var proof = harness.Tree.Prove(harness.Root, key);
            foreach (var tampered in Tamper(proof, random))
            {
                Assert.False(tampered.VerifyInclusion(root, key, value), $"seed {seed}");
            }
        }

        for (var i = 0; i < 40; i++)
        {
            var absent = random.NextHash();
            var proof = harness.Tree.Prove(harness.Root, absent);
            foreach (var tampered in Tamper(proof, random))
            {
                Assert.False(tampered.VerifyExclusion(root, absent), $"seed {seed}");
            }
        }
    }

    [Fact]
    public void Exclusion_proof_cannot_use_a_leaf_off_the_path()
    {
        var random = new Random(12);
        var harness = new TreeHarness();
        harness.Set(random.DistinctHashes(64).Select(k => (k, random.NextHash())));
        var present = harness.Model.Keys.First();
        var proof = harness.Tree.Prove(harness.Root, present);

        // Same siblings and leaf, but claimed for a key that diverges from the leaf's path.
        var bytes = present.ToArray();
        bytes[0] ^= 0x80;
        var offPath = new Hash256(bytes);
        Assert.False(proof.VerifyExclusion(harness.Root.Hash, offPath));
    }

    [Theory]
    [MemberData(nameof(Seeds.Default), MemberType = typeof(Seeds))]
    public void Proofs_round_trip_through_their_encoding(int seed)
    {
        var random = new Random(seed);
        var harness = new TreeHarness();
        harness.Set(random.DistinctHashes(200).Select(k => (k, random.NextHash())));
        foreach (var key in harness.Model.Keys.Take(20).Concat(random.DistinctHashes(20)))
        {
            var proof = harness.Tree.Prove(harness.Root, key);
            var bytes = Canonical.Encode(proof);
            var decoded = Canonical.Decode<StateProof>(bytes);
            Assert.Equal(proof.Leaf, decoded.Leaf);
            Assert.Equal(proof.Siblings, decoded.Siblings);
            Assert.Equal(bytes, Canonical.Encode(decoded));
        }
    }

    [Fact]
    public void Decoding_rejects_non_canonical_proofs()
    {
        var random = new Random(6);
        var sibling = random.NextHash();
        var proof = new StateProof(null, [sibling, Hash256.Zero, sibling]);
        var bytes = Canonical.Encode(proof);

        // A zero sibling written out instead of left to the bitmap.
        var zeroWritten = bytes.ToList();
        var bitmapAt = 3;
        zeroWritten[bitmapAt] |= 0x40;
        zeroWritten.InsertRange(bitmapAt + 1 + 32, new byte[32]);
        Assert.Throws<CodecException>(() => Canonical.Decode<StateProof>(zeroWritten.ToArray()));

        // A bitmap bit past the sibling count.
        var padding = (byte[])bytes.Clone();
        padding[bitmapAt] |= 0x01;
        Assert.Throws<CodecException>(() => Canonical.Decode<StateProof>(padding));

        // Trailing bytes, unknown version, too many siblings.
        Assert.Throws<CodecException>(() => Canonical.Decode<StateProof>([.. bytes, 0]));
        var version = (byte[])bytes.Clone();
        version[0] = 2;
        Assert.Throws<CodecException>(() => Canonical.Decode<StateProof>(version));
        Assert.Throws<CodecException>(() => Canonical.Decode<StateProof>([1, 0, 0x81, 0x02]));
    }

    private static IEnumerable<StateProof> Tamper(StateProof proof, Random random)
    {
        var siblings = proof.Siblings.ToArray();
        if (siblings.Length > 0)
        {
            var flipped = (Hash256[])siblings.Clone();
            var i = random.Next(flipped.Length);
            var bytes = flipped[i].ToArray();
            bytes[random.Next(32)] ^= (byte)(1 << random.Next(8));
            flipped[i] = new Hash256(bytes);
            yield return new StateProof(proof.Leaf, flipped);
            yield return new StateProof(proof.Leaf, siblings[..^1]);
            yield return new StateProof(proof.Leaf, siblings[1..]);
            var swapped = (Hash256[])siblings.Clone();
            swapped[^1] = random.NextHash();
            yield return new StateProof(proof.Leaf, swapped);
        }

        yield return new StateProof(proof.Leaf, [.. siblings, Hash256.Zero]);
        yield return new StateProof(proof.Leaf, [.. siblings, random.NextHash()]);
        if (proof.Leaf is { } leaf)
        {
            yield return new StateProof(leaf with { ValueHash = random.NextHash() }, siblings);
            yield return new StateProof(leaf with { KeyHash = random.NextHash() }, siblings);
            yield return new StateProof(null, siblings);
        }
        else
        {
            yield return new StateProof(new StateProofLeaf(random.NextHash(), random.NextHash()), siblings);
        }
    }
}
