using DaiChain.Ledger.Native;

namespace DaiChain.Node.Cli;

/// <summary>
/// Runs <c>daichain &lt;command&gt; [subcommand] [--flag value]... [arguments]</c> against a tree of
/// <see cref="CommandGroup"/>s and <see cref="Command"/>s: <c>--help</c> at every level, undeclared flags and
/// arguments rejected, and every failure reported as one <c>error: ...</c> line on standard error.
/// </summary>
/// <remarks>
/// Exit codes: <see cref="ExitCodes.Success"/>, <see cref="ExitCodes.Failure"/> for a failed command (including
/// a missing native library), <see cref="ExitCodes.Usage"/> for a wrong command line. Stack traces are printed
/// only when the environment variable <c>DAICHAIN_TRACE</c> is <c>1</c>.
/// </remarks>
internal sealed class CommandRouter
{
    private const string TraceVariable = "DAICHAIN_TRACE";

    private readonly CommandGroup _root;
    private readonly CliConsole _console;

    public CommandRouter(CommandGroup root, CliConsole console)
    {
        _root = root;
        _console = console;
    }

    /// <summary>Runs the command line and returns the process exit code. Never throws.</summary>
    public int Run(IReadOnlyList<string> args)
    {
        try
        {
            return Dispatch(args);
        }
        catch (UsageException e)
        {
            ReportError(e);
            return ExitCodes.Usage;
        }
#pragma warning disable CA1031 // The process boundary: any failure becomes one error line and exit code 1, never a crash dump.
        catch (Exception e)
#pragma warning restore CA1031
        {
            ReportError(e);
            return ExitCodes.Failure;
        }
    }

    private static bool IsHelp(string word) => word is "--help" or "-h";

    private int Dispatch(IReadOnlyList<string> args)
    {
        CommandNode node = _root;
        var path = _root.Name;
        var index = 0;
        while (node is CommandGroup group)
        {
            if (index == args.Count)
            {
                throw new UsageException($"'{path}' needs a command (see '{path} --help')");
            }

            var word = args[index];
            if (IsHelp(word))
            {
                _console.Out.Write(HelpText.ForGroup(group, path));
                return ExitCodes.Success;
            }

            if (word.StartsWith('-'))
            {
                throw new UsageException($"unknown flag '{word}' for '{path}' (see '{path} --help')");
            }

            node = group.Find(word) ?? throw new UsageException($"unknown command '{word}' for '{path}' (see '{path} --help')");
            path = $"{path} {word}";
            index++;
        }

        var command = (Command)node;
        var rest = args.Skip(index).ToList();
        if (rest.TakeWhile(a => a != "--").Any(IsHelp))
        {
            _console.Out.Write(HelpText.ForCommand(command, path));
            return ExitCodes.Success;
        }

        var input = Parse(command, path, rest);
        foreach (var library in command.NativeLibraries)
        {
            NativeLibraries.Require(library);
        }

        return command.Execute(input, _console);
    }

    private static CommandInput Parse(Command command, string path, List<string> args)
    {
        var hint = $"(see '{path} --help')";
        var options = new Dictionary<string, string?>(StringComparer.Ordinal);
        var positional = new List<string>();
        var flagsEnded = false;
        for (var i = 0; i < args.Count; i++)
        {
            var word = args[i];
            if (flagsEnded || word == "-" || !word.StartsWith('-'))
            {
                positional.Add(word);
                continue;
            }

            if (word == "--")
            {
                flagsEnded = true;
                continue;
            }

            if (!word.StartsWith("--", StringComparison.Ordinal))
            {
                throw new UsageException($"unknown flag '{word}' for '{path}' {hint}");
            }

            var name = word[2..];
            string? value = null;
            var equals = name.IndexOf('=', StringComparison.Ordinal);
            if (equals >= 0)
            {
                value = name[(equals + 1)..];
                name = name[..equals];
            }

            var spec = command.Options.FirstOrDefault(o => o.Name == name)
                ?? throw new UsageException($"unknown flag '--{name}' for '{path}' {hint}");
            if (options.ContainsKey(name))
            {
                throw new UsageException($"flag '--{name}' is given twice");
            }

            if (spec.TakesValue)
            {
                if (value is null)
                {
                    if (i + 1 == args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                    {
                        throw new UsageException($"flag '--{name}' needs a value: --{name} {spec.ValueName}");
                    }

                    value = args[++i];
                }

                if (value.Length == 0)
                {
                    throw new UsageException($"flag '--{name}' needs a non-empty value");
                }
            }
            else if (value is not null)
            {
                throw new UsageException($"flag '--{name}' takes no value");
            }

            options[name] = value;
        }

        foreach (var spec in command.Options.Where(o => o.Required && !options.ContainsKey(o.Name)))
        {
            throw new UsageException($"'{path}' needs --{spec.Name} {spec.ValueName} {hint}");
        }

        if (positional.Count < command.Arguments.Count)
        {
            throw new UsageException($"'{path}' needs argument {command.Arguments[positional.Count].Name} {hint}");
        }

        if (positional.Count > command.Arguments.Count)
        {
            throw new UsageException($"unexpected argument '{positional[command.Arguments.Count]}' for '{path}' {hint}");
        }

        var arguments = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < positional.Count; i++)
        {
            arguments[command.Arguments[i].Name] = positional[i];
        }

        return new CommandInput(path, options, arguments);
    }

    private void ReportError(Exception e)
    {
        // One line, whatever the message holds.
        var message = e.Message.ReplaceLineEndings(" ");
        _console.Error.WriteLine($"error: {message}");
        if (_console.GetEnvironmentVariable(TraceVariable) == "1")
        {
            _console.Error.WriteLine(e.ToString());
        }
    }
}
