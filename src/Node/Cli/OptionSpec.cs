namespace DaiChain.Node.Cli;

/// <summary>
/// A flag a command accepts: <c>--name VALUE</c> (or <c>--name=VALUE</c>) when <paramref name="ValueName"/> is
/// set, a bare switch <c>--name</c> otherwise.
/// </summary>
/// <param name="Name">The flag without the leading dashes.</param>
/// <param name="ValueName">The placeholder shown in help (<c>FILE</c>, <c>VAR</c>), or null for a switch.</param>
/// <param name="Description">One line for the help text.</param>
/// <param name="Required">Whether the command refuses to run without it.</param>
internal sealed record OptionSpec(string Name, string? ValueName, string Description, bool Required = false)
{
    public bool TakesValue => ValueName is not null;
}
