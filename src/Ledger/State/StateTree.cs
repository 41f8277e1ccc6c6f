using DaiChain.Ledger.Primitives;

namespace DaiChain.Ledger.State;

/// <summary>
/// A Jellyfish-style Merkle tree over 256-bit keys: logically a binary sparse Merkle tree in which every
/// subtree holding one leaf is replaced by that leaf and every empty subtree by the zero hash; physically
/// 16-ary internal nodes keyed by (version, nibble path). See docs/spec/state.md.
/// </summary>
/// <remarks>
/// The tree is pure logic over an <see cref="ITreeNodeReader"/>: <see cref="Update"/> returns the nodes to
/// write and the nodes made stale instead of writing them, so a block's state lands in the same atomic batch
/// as the block. The root depends only on the set of (key, value) pairs, never on the order of updates.
/// Large updates hash the root's 16 subtrees in parallel; results are merged in nibble order, so the output
/// is the same with any number of threads.
/// </remarks>
public sealed class StateTree
{
    private readonly ITreeNodeReader _reader;
    private readonly int _parallelThreshold;

    /// <param name="reader">Where stored nodes are read from; must allow concurrent reads.</param>
    /// <param name="parallelThreshold">Updates at or above this count fan out across cores at the root.</param>
    public StateTree(ITreeNodeReader reader, int parallelThreshold = 1024)
    {
        _reader = reader;
        _parallelThreshold = Math.Max(parallelThreshold, 16);
    }

    /// <summary>
    /// Applies <paramref name="updates"/> (sorted by key, keys unique) to the tree whose root is
    /// <paramref name="baseRoot"/>, as version <paramref name="version"/>.
    /// </summary>
    /// <exception cref="ArgumentException">Updates are unsorted or repeat a key, or the version does not increase.</exception>
    public TreeUpdateBatch Update(TreeRoot baseRoot, ulong version, IReadOnlyList<TreeUpdate> updates)
    {
        if (baseRoot.Key is { } rootKey && rootKey.Version >= version)
        {
            throw new ArgumentException($"version {version} must be greater than the base root's version {rootKey.Version}", nameof(version));
        }

        var array = new TreeUpdate[updates.Count];
        for (var i = 0; i < array.Length; i++)
        {
            array[i] = updates[i];
            if (i > 0 && array[i - 1].KeyHash.CompareTo(array[i].KeyHash) >= 0)
            {
                throw new ArgumentException("updates must be sorted by key hash with no repeated key", nameof(updates));
            }
        }

        if (array.Length == 0)
        {
            return new TreeUpdateBatch(version, baseRoot, [], []);
        }

        var keys = new byte[array.Length][];
        for (var i = 0; i < array.Length; i++)
        {
            keys[i] = array[i].KeyHash.ToArray();
        }

        var job = new Job(this, version, array, keys);
        var sink = new Sink();
        var existing = baseRoot.Key is { } key ? Read(key) : null;
        var result = job.UpdateAt(sink, baseRoot.Key, existing, Hash256.Zero, 0, 0, array.Length, parallel: array.Length >= _parallelThreshold);
        TreeRoot root;
        switch (result.Kind)
        {
            case SubKind.Empty:
                root = TreeRoot.Empty;
                break;
            case SubKind.Leaf:
                var placed = job.PlaceLeaf(sink, result, Hash256.Zero, 0);
                root = new TreeRoot(new NodeKey(placed.Version, 0, Hash256.Zero), placed.Hash);
                break;
            default:
                root = new TreeRoot(NodeKey.Root(result.Version), result.Hash);
                break;
        }

        return new TreeUpdateBatch(version, root, sink.New, sink.Stale);
    }

    /// <summary>A proof of <paramref name="keyHash"/>'s presence (with its value hash) or absence under <paramref name="root"/>.</summary>
    public StateProof Prove(TreeRoot root, Hash256 keyHash)
    {
        var siblings = new List<Hash256>();
        var leaf = Descend(root, keyHash, siblings);
        return new StateProof(leaf is null ? null : new StateProofLeaf(leaf.KeyHash, leaf.ValueHash), [.. siblings]);
    }

    /// <summary>The value hash stored for <paramref name="keyHash"/> under <paramref name="root"/>, or null.</summary>
    public Hash256? GetValueHash(TreeRoot root, Hash256 keyHash)
    {
        var leaf = Descend(root, keyHash, siblings: null);
        return leaf is not null && leaf.KeyHash == keyHash ? leaf.ValueHash : null;
    }

    /// <summary>Walks from the root towards <paramref name="keyHash"/>; returns the leaf met on the way, if any.</summary>
    private LeafNode? Descend(TreeRoot root, Hash256 keyHash, List<Hash256>? siblings)
    {
        if (root.Key is not { } key)
        {
            return null;
        }

        Span<byte> keyBytes = stackalloc byte[Hash256.Size];
        keyHash.CopyTo(keyBytes);
        var node = Read(key);
        var depth = 0;
        var path = Hash256.Zero;
        while (true)
        {
            if (node is LeafNode leafNode)
            {
                return leafNode;
            }

            var internalNode = (InternalNode)node;
            var nibble = Nibbles.Get(keyBytes, depth);
            var lo = 0;
            var width = 16;
            while (true)
            {
                var half = width / 2;
                var right = (nibble & half) != 0;
                var chosen = right ? lo + half : lo;
                siblings?.Add(internalNode.SubtreeHash(right ? lo : lo + half, half));
                lo = chosen;
                width = half;
                var count = internalNode.CountInRange(lo, width);
                if (count == 0)
                {
                    return null;
                }

                var first = internalNode.FirstInRange(lo, width);
                var child = internalNode.GetChild(first)!.Value;
                if (count == 1 && child.IsLeaf)
                {
                    return (LeafNode)Read(new NodeKey(child.Version, depth + 1, Nibbles.Child(path, depth, first)));
                }

                if (width == 1)
                {
                    path = Nibbles.Child(path, depth, first);
                    depth++;
                    node = Read(new NodeKey(child.Version, depth, path));
                    break;
                }
            }
        }
    }

    private TreeNode Read(NodeKey key)
    {
        var node = _reader.TryGetNode(key);
        Invariant.Check(node is not null, $"state tree node {key} is missing from the store");
        return node!;
    }

    private enum SubKind
    {
        Empty,
        Leaf,
        Internal,
    }

    /// <summary>
    /// The state of a subtree after an update. A leaf is not placed yet: its parent decides where it lives,
    /// because a subtree left with one leaf collapses into its parent. <see cref="LeafKey"/> is where the leaf
    /// is stored now (null when new); <see cref="Leaf"/> may be null for an untouched stored leaf.
    /// </summary>
    private readonly record struct Sub(SubKind Kind, Hash256 Hash, ulong Version, LeafNode? Leaf, NodeKey? LeafKey)
    {
        public static Sub Empty => new(SubKind.Empty, StateHashing.Empty, 0, null, null);

        public static Sub NewLeaf(LeafNode leaf) => new(SubKind.Leaf, leaf.Hash, 0, leaf, null);
    }

    private sealed class Sink
    {
        public List<KeyValuePair<NodeKey, TreeNode>> New { get; } = [];

        public List<NodeKey> Stale { get; } = [];

        public void Append(Sink other)
        {
            New.AddRange(other.New);
            Stale.AddRange(other.Stale);
        }
    }

    private sealed class Job(StateTree tree, ulong version, TreeUpdate[] updates, byte[][] keys)
    {
        public Sub UpdateAt(Sink sink, NodeKey? existingKey, TreeNode? existing, Hash256 path, int depth, int from, int to, bool parallel)
        {
            if (from == to)
            {
                return FromStored(existingKey, existing);
            }

            switch (existing)
            {
                case null:
                    return BuildFromUpdates(sink, path, depth, from, to, parallel);
                case LeafNode leaf:
                    return MergeIntoLeaf(sink, existingKey!.Value, leaf, path, depth, from, to);
                default:
                    var node = (InternalNode)existing;
                    var children = new Sub[16];
                    ForEachNibbleGroup(sink, depth, from, to, parallel, (groupSink, nibble, lo, hi) =>
                    {
                        var childPath = Nibbles.Child(path, depth, nibble);
                        if (node.GetChild(nibble) is not { } child)
                        {
                            children[nibble] = lo == hi ? Sub.Empty : BuildFromUpdates(groupSink, childPath, depth + 1, lo, hi, parallel: false);
                            return;
                        }

                        var childKey = new NodeKey(child.Version, depth + 1, childPath);
                        if (lo == hi)
                        {
                            children[nibble] = child.IsLeaf
                                ? new Sub(SubKind.Leaf, child.Hash, child.Version, null, childKey)
                                : new Sub(SubKind.Internal, child.Hash, child.Version, null, null);
                            return;
                        }

                        children[nibble] = UpdateAt(groupSink, childKey, tree.Read(childKey), childPath, depth + 1, lo, hi, parallel: false);
                    });
                    sink.Stale.Add(existingKey!.Value);
                    return Assemble(sink, children, path, depth);
            }
        }

        /// <summary>Places a leaf at <paramref name="path"/>: reuses it where it is stored already, else writes it anew.</summary>
        public ChildRef PlaceLeaf(Sink sink, Sub leaf, Hash256 path, int depth)
        {
            if (leaf.LeafKey is { } current)
            {
                if (current.Depth == depth)
                {
                    return new ChildRef(leaf.Hash, current.Version, IsLeaf: true);
                }

                sink.Stale.Add(current);
            }

            var node = leaf.Leaf ?? (LeafNode)tree.Read(leaf.LeafKey!.Value);
            sink.New.Add(new(new NodeKey(version, depth, path), node));
            return new ChildRef(node.Hash, version, IsLeaf: true);
        }

        private static Sub FromStored(NodeKey? key, TreeNode? node) => node switch
        {
            null => Sub.Empty,
            LeafNode leaf => new Sub(SubKind.Leaf, leaf.Hash, key!.Value.Version, leaf, key),
            _ => new Sub(SubKind.Internal, node.Hash, key!.Value.Version, null, null),
        };

        private Sub MergeIntoLeaf(Sink sink, NodeKey leafKey, LeafNode leaf, Hash256 path, int depth, int from, int to)
        {
            var merged = new List<(Hash256 Key, Hash256 Value)>(to - from + 1);
            var leafPending = true;
            var changed = false;
            for (var i = from; i < to; i++)
            {
                var update = updates[i];
                var order = leaf.KeyHash.CompareTo(update.KeyHash);
                if (leafPending && order < 0)
                {
                    merged.Add((leaf.KeyHash, leaf.ValueHash));
                    leafPending = false;
                }

                if (leafPending && order == 0)
                {
                    leafPending = false;
                    changed |= update.ValueHash != leaf.ValueHash;
                    if (update.ValueHash is { } replaced)
                    {
                        merged.Add((update.KeyHash, replaced));
                    }

                    continue;
                }

                if (update.ValueHash is { } value)
                {
                    merged.Add((update.KeyHash, value));
                    changed = true;
                }
            }

            if (leafPending)
            {
                merged.Add((leaf.KeyHash, leaf.ValueHash));
            }

            if (!changed)
            {
                return new Sub(SubKind.Leaf, leaf.Hash, leafKey.Version, leaf, leafKey);
            }

            sink.Stale.Add(leafKey);
            return Build(sink, merged, 0, merged.Count, path, depth);
        }

        private Sub BuildFromUpdates(Sink sink, Hash256 path, int depth, int from, int to, bool parallel)
        {
            var leaves = new List<(Hash256 Key, Hash256 Value)>(to - from);
            for (var i = from; i < to; i++)
            {
                if (updates[i].ValueHash is { } value)
                {
                    leaves.Add((updates[i].KeyHash, value));
                }
            }

            return parallel && leaves.Count >= 16 ? BuildParallel(sink, leaves, path, depth) : Build(sink, leaves, 0, leaves.Count, path, depth);
        }

        private Sub BuildParallel(Sink sink, List<(Hash256 Key, Hash256 Value)> leaves, Hash256 path, int depth)
        {
            var bounds = NibbleBounds(leaves, depth);
            var children = new Sub[16];
            var sinks = new Sink[16];
            Parallel.For(0, 16, nibble =>
            {
                sinks[nibble] = new Sink();
                children[nibble] = Build(sinks[nibble], leaves, bounds[nibble], bounds[nibble + 1], Nibbles.Child(path, depth, nibble), depth + 1);
            });
            foreach (var s in sinks)
            {
                sink.Append(s);
            }

            return Assemble(sink, children, path, depth);
        }

        private Sub Build(Sink sink, List<(Hash256 Key, Hash256 Value)> leaves, int from, int to, Hash256 path, int depth)
        {
            var count = to - from;
            if (count == 0)
            {
                return Sub.Empty;
            }

            if (count == 1)
            {
                return Sub.NewLeaf(new LeafNode(leaves[from].Key, leaves[from].Value));
            }

            Invariant.Check(depth < Nibbles.MaxDepth, "two distinct keys share all 64 nibbles");
            var children = new Sub[16];
            var start = from;
            while (start < to)
            {
                var nibble = Nibbles.Get(leaves[start].Key, depth);
                var end = start + 1;
                while (end < to && Nibbles.Get(leaves[end].Key, depth) == nibble)
                {
                    end++;
                }

                children[nibble] = Build(sink, leaves, start, end, Nibbles.Child(path, depth, nibble), depth + 1);
                start = end;
            }

            return Assemble(sink, children, path, depth);
        }

        /// <summary>Turns 16 child results into this position's result: empty, a collapsed leaf, or a new internal node.</summary>
        private Sub Assemble(Sink sink, Sub[] children, Hash256 path, int depth)
        {
            var present = 0;
            var last = -1;
            for (var i = 0; i < 16; i++)
            {
                if (children[i].Kind != SubKind.Empty)
                {
                    present++;
                    last = i;
                }
            }

            if (present == 0)
            {
                return Sub.Empty;
            }

            if (present == 1 && children[last].Kind == SubKind.Leaf)
            {
                return children[last];
            }

            var refs = new ChildRef?[16];
            for (var i = 0; i < 16; i++)
            {
                var child = children[i];
                refs[i] = child.Kind switch
                {
                    SubKind.Empty => null,
                    SubKind.Leaf => PlaceLeaf(sink, child, Nibbles.Child(path, depth, i), depth + 1),
                    _ => new ChildRef(child.Hash, child.Version, IsLeaf: false),
                };
            }

            var node = new InternalNode(refs);
            sink.New.Add(new(new NodeKey(version, depth, path), node));
            return new Sub(SubKind.Internal, node.Hash, version, null, null);
        }

        private void ForEachNibbleGroup(Sink sink, int depth, int from, int to, bool parallel, Action<Sink, int, int, int> body)
        {
            var bounds = new int[17];
            var position = from;
            for (var nibble = 0; nibble < 16; nibble++)
            {
                bounds[nibble] = position;
                while (position < to && Nibbles.Get(keys[position], depth) == nibble)
                {
                    position++;
                }
            }

            bounds[16] = to;
            Invariant.Check(position == to, "updates are grouped by nibble in key order");
            if (!parallel)
            {
                for (var nibble = 0; nibble < 16; nibble++)
                {
                    body(sink, nibble, bounds[nibble], bounds[nibble + 1]);
                }

                return;
            }

            var sinks = new Sink[16];
            Parallel.For(0, 16, nibble =>
            {
                sinks[nibble] = new Sink();
                body(sinks[nibble], nibble, bounds[nibble], bounds[nibble + 1]);
            });
            foreach (var s in sinks)
            {
                sink.Append(s);
            }
        }

        private static int[] NibbleBounds(List<(Hash256 Key, Hash256 Value)> leaves, int depth)
        {
            var bounds = new int[17];
            var position = 0;
            for (var nibble = 0; nibble < 16; nibble++)
            {
                bounds[nibble] = position;
                while (position < leaves.Count && Nibbles.Get(leaves[position].Key, depth) == nibble)
                {
                    position++;
                }
            }

            bounds[16] = leaves.Count;
            return bounds;
        }
    }
}
