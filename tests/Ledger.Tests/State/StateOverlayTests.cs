using DaiChain.Ledger.State;
using DaiChain.TestKit;

namespace DaiChain.Ledger.Tests.State;

public sealed class StateOverlayTests
{
    [Fact]
    public void Reads_see_own_writes_then_the_parent_and_discarding_changes_nothing()
    {
        var random = new Random(1);
        var (a, b) = (random.NextHash(), random.NextHash());
        var block = new StateOverlay(EmptyStateReader.Instance);
        block.Set(a, [1]);

        var tx = new StateOverlay(block);
        Assert.Equal([1], tx.Get(a));
        tx.Set(b, [2]);
        tx.Delete(a);
        Assert.Null(tx.Get(a));
        Assert.Equal([1], block.Get(a));
        Assert.Null(block.Get(b));

        var kept = new StateOverlay(block);
        kept.Set(b, [3]);
        kept.MergeIntoParent();
        Assert.Equal([3], block.Get(b));
        Assert.Equal(new[] { a, b }.Order(), block.SortedChanges().Select(c => c.Key));
    }

    [Fact]
    public void Merges_only_into_its_parent()
    {
        var root = new StateOverlay(EmptyStateReader.Instance);
        var child = new StateOverlay(root);
        Assert.Throws<InvariantViolationException>(() => child.MergeInto(new StateOverlay(EmptyStateReader.Instance)));
        Assert.Throws<InvariantViolationException>(root.MergeIntoParent);
    }
}
