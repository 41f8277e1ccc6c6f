namespace DaiChain.Node.Cli;

/// <summary>The command line is wrong; printed as one <c>error:</c> line, exit code <see cref="ExitCodes.Usage"/>.</summary>
internal sealed class UsageException : Exception
{
    public UsageException()
        : base("invalid usage")
    {
    }

    public UsageException(string message)
        : base(message)
    {
    }

    public UsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
