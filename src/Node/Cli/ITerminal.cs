namespace DaiChain.Node.Cli;

/// <summary>An interactive terminal on standard input, for secrets that must not come from the command line.</summary>
internal interface ITerminal
{
    /// <summary>Shows <paramref name="prompt"/> and reads one line without echo. The caller clears the returned array.</summary>
    char[] ReadSecret(string prompt);
}
