namespace DaiChain.Ledger;

/// <summary>
/// Always-on checks for consensus and execution code. Unlike <c>Debug.Assert</c>, release builds keep them:
/// a broken invariant stops the node rather than letting it continue on corrupt state.
/// </summary>
public static class Invariant
{
    public static void Check(bool condition, string message)
    {
        if (!condition)
        {
            throw new InvariantViolationException(message);
        }
    }
}
