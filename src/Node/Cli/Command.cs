namespace DaiChain.Node.Cli;

/// <summary>
/// A runnable command (<c>keys new</c>). It declares its flags and positional arguments; the router parses the
/// command line against them and rejects anything undeclared before <see cref="Execute"/> runs.
/// </summary>
/// <remarks>
/// New commands (init, run, devnet, tx, model, audit, bench, genesis) are subclasses registered in
/// <c>Program.cs</c>; the router needs no change.
/// </remarks>
internal abstract class Command : CommandNode
{
    /// <summary>Flags, in help order. <c>--help</c> is implicit.</summary>
    public virtual IReadOnlyList<OptionSpec> Options => [];

    /// <summary>Positional arguments, in order; all required.</summary>
    public virtual IReadOnlyList<ArgumentSpec> Arguments => [];

    /// <summary>Logical names (<c>NativeLibraries.*</c>) of native libraries loaded before <see cref="Execute"/>, so a missing one is one clear line.</summary>
    public virtual IReadOnlyList<string> NativeLibraries => [];

    /// <summary>Runs the command; returns an exit code. Throw <see cref="CommandException"/> or <see cref="UsageException"/> for expected failures.</summary>
    public abstract int Execute(CommandInput input, CliConsole console);
}
