namespace DaiChain.Ledger.State;

/// <summary>Reads stored tree nodes. Implementations must allow concurrent reads.</summary>
public interface ITreeNodeReader
{
    /// <summary>The node stored at <paramref name="key"/>, or null when there is none.</summary>
    TreeNode? TryGetNode(NodeKey key);
}
