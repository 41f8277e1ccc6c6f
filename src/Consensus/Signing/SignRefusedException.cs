namespace DaiChain.Consensus.Signing;

/// <summary>The double-sign guard refused a request: signing it could make this validator equivocate.</summary>
public sealed class SignRefusedException : Exception
{
    public SignRefusedException()
    {
    }

    public SignRefusedException(string message)
        : base(message)
    {
    }

    public SignRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
