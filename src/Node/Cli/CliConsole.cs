namespace DaiChain.Node.Cli;

/// <summary>
/// What commands see of the process: output and error writers, environment variables, and the terminal when
/// standard input is one. Tests pass their own.
/// </summary>
internal sealed class CliConsole
{
    private readonly Func<string, string?> _environment;

    public CliConsole(TextWriter output, TextWriter error, Func<string, string?> environment, ITerminal? terminal)
    {
        Out = output;
        Error = error;
        _environment = environment;
        Terminal = terminal;
    }

    /// <summary>Results: what scripts parse.</summary>
    public TextWriter Out { get; }

    /// <summary>Errors and prompts.</summary>
    public TextWriter Error { get; }

    /// <summary>The interactive terminal, or null when standard input is redirected.</summary>
    public ITerminal? Terminal { get; }

    /// <summary>The process's console.</summary>
    public static CliConsole System() =>
        new(Console.Out, Console.Error, Environment.GetEnvironmentVariable, Console.IsInputRedirected ? null : new SystemTerminal());

    public string? GetEnvironmentVariable(string name) => _environment(name);
}
