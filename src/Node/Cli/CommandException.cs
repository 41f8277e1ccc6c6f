namespace DaiChain.Node.Cli;

/// <summary>A command failed for a reason the user can act on; printed as one <c>error:</c> line, exit code <see cref="ExitCodes.Failure"/>.</summary>
internal sealed class CommandException : Exception
{
    public CommandException()
        : base("command failed")
    {
    }

    public CommandException(string message)
        : base(message)
    {
    }

    public CommandException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
