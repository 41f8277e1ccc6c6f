namespace DaiChain.Node.Chain;

/// <summary>
/// Told about every committed block, in height order, on the committing thread (the consensus loop or block sync),
/// after the block is durable. Must be quick and must not throw: slow work goes to the observer's own bounded queue.
/// </summary>
public interface ICommitObserver
{
    void OnCommitted(BlockCommitted committed);
}
