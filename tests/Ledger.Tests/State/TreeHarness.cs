using DaiChain.Ledger.Primitives;
using DaiChain.Ledger.State;

namespace DaiChain.Ledger.Tests.State;

/// <summary>A tree over a memory store that keeps a root per version, plus the model of what it should hold.</summary>
internal sealed class TreeHarness
{
    public TreeHarness(int parallelThreshold = 1024)
    {
        Tree = new StateTree(Store, parallelThreshold);
    }

    public MemoryTreeNodeStore Store { get; } = new();

    public StateTree Tree { get; }

    public Dictionary<ulong, TreeRoot> Roots { get; } = new() { [0] = TreeRoot.Empty };

    public Dictionary<Hash256, Hash256> Model { get; } = [];

    public ulong Version { get; private set; }

    public TreeRoot Root => Roots[Version];

    public TreeUpdateBatch Apply(IEnumerable<TreeUpdate> updates)
    {
        var sorted = updates.OrderBy(u => u.KeyHash).ToList();
        var batch = Tree.Update(Root, Version + 1, sorted);
        Store.Apply(batch);
        Version++;
        Roots[Version] = batch.Root;
        foreach (var update in sorted)
        {
            if (update.ValueHash is { } value)
            {
                Model[update.KeyHash] = value;
            }
            else
            {
                Model.Remove(update.KeyHash);
            }
        }

        return batch;
    }

    public TreeUpdateBatch Set(IEnumerable<(Hash256 Key, Hash256 Value)> entries) =>
        Apply(entries.Select(e => new TreeUpdate(e.Key, e.Value)));
}
