namespace DaiChain.Node.Cli;

/// <summary>
/// Where a command gets a password: the environment variable named by <c>--password-env</c>, else a prompt
/// without echo when standard input is a terminal. Passwords never come from the command line itself, which
/// other users can read in the process list.
/// </summary>
internal static class PasswordInput
{
    /// <summary>The shared flag.</summary>
    public static readonly OptionSpec EnvironmentOption =
        new("password-env", "VAR", "read the password from environment variable VAR instead of prompting");

    /// <summary>Reads the password; the caller clears the returned array.</summary>
    /// <param name="input">The parsed command line (for <c>--password-env</c>).</param>
    /// <param name="console">Environment and terminal.</param>
    /// <param name="confirm">Prompt twice and require both to match (for new passwords).</param>
    /// <exception cref="CommandException">The variable is unset or empty, or the two entries differ.</exception>
    /// <exception cref="UsageException">Neither a variable nor a terminal is available.</exception>
    public static char[] Read(CommandInput input, CliConsole console, bool confirm)
    {
        var variable = input.Option(EnvironmentOption.Name);
        if (variable is not null)
        {
            var value = console.GetEnvironmentVariable(variable);
            if (value is null)
            {
                throw new CommandException($"environment variable '{variable}' is not set");
            }

            return value.Length > 0 ? value.ToCharArray() : throw new CommandException($"environment variable '{variable}' is empty");
        }

        if (console.Terminal is null)
        {
            throw new UsageException($"no password: pass --password-env VAR, or run '{input.CommandPath}' in a terminal to be prompted");
        }

        var password = console.Terminal.ReadSecret("Password: ");
        if (!confirm)
        {
            return password;
        }

        var repeated = console.Terminal.ReadSecret("Repeat password: ");
        try
        {
            if (!password.AsSpan().SequenceEqual(repeated))
            {
                Array.Clear(password);
                throw new CommandException("the passwords do not match");
            }
        }
        finally
        {
            Array.Clear(repeated);
        }

        return password;
    }
}
