namespace DaiChain.Ledger;

/// <summary>An internal invariant was broken; the process must not continue on the current state.</summary>
public sealed class InvariantViolationException : Exception
{
    public InvariantViolationException()
    {
    }

    public InvariantViolationException(string message)
        : base("invariant violated: " + message)
    {
    }

    public InvariantViolationException(string message, Exception innerException)
        : base("invariant violated: " + message, innerException)
    {
    }
}
