namespace DaiChain.Node.Cli;

/// <summary>A named node of the command tree: a <see cref="CommandGroup"/> (<c>keys</c>) or a <see cref="Command"/> (<c>keys new</c>).</summary>
internal abstract class CommandNode
{
    /// <summary>The word typed on the command line.</summary>
    public abstract string Name { get; }

    /// <summary>One line, lower case, no final period: shown in the parent's command list and as the help title.</summary>
    public abstract string Summary { get; }
}
