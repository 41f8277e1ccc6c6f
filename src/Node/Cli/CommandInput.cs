namespace DaiChain.Node.Cli;

/// <summary>A command line parsed against a <see cref="Command"/>'s flags and arguments: only declared names exist.</summary>
internal sealed class CommandInput
{
    private readonly Dictionary<string, string?> _options;
    private readonly Dictionary<string, string> _arguments;

    public CommandInput(string commandPath, Dictionary<string, string?> options, Dictionary<string, string> arguments)
    {
        CommandPath = commandPath;
        _options = options;
        _arguments = arguments;
    }

    /// <summary>The words that selected the command, for messages: <c>daichain keys new</c>.</summary>
    public string CommandPath { get; }

    /// <summary>The value of a flag that takes one, or null when it was not given.</summary>
    public string? Option(string name) => _options.TryGetValue(name, out var value) ? value : null;

    /// <summary>Whether a flag (switch or valued) was given.</summary>
    public bool Has(string name) => _options.ContainsKey(name);

    /// <summary>A positional argument; all declared ones are present once parsing succeeded.</summary>
    public string Argument(string name) => _arguments[name];
}
