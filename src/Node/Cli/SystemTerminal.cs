namespace DaiChain.Node.Cli;

/// <summary>Reads secrets from the console with <see cref="Console.ReadKey(bool)"/> (no echo); prompts go to standard error.</summary>
internal sealed class SystemTerminal : ITerminal
{
    /// <summary>Longest secret accepted, in characters.</summary>
    public const int MaxSecretLength = 1024;

    public char[] ReadSecret(string prompt)
    {
        Console.Error.Write(prompt);
        var buffer = new char[MaxSecretLength];
        var length = 0;
        try
        {
            while (true)
            {
                var key = Console.ReadKey(intercept: true);
                if (key.Key == ConsoleKey.Enter)
                {
                    break;
                }

                if (key.Key == ConsoleKey.Backspace)
                {
                    length = Math.Max(0, length - 1);
                }
                else if (key.KeyChar != '\0' && !char.IsControl(key.KeyChar))
                {
                    if (length == buffer.Length)
                    {
                        throw new CommandException($"the password is longer than {MaxSecretLength} characters");
                    }

                    buffer[length++] = key.KeyChar;
                }
            }

            return buffer[..length];
        }
        finally
        {
            Console.Error.WriteLine();
            Array.Clear(buffer);
        }
    }
}
