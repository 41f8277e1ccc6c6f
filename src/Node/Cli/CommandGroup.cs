namespace DaiChain.Node.Cli;

/// <summary>A command that only selects subcommands (<c>daichain</c>, <c>daichain keys</c>).</summary>
internal sealed class CommandGroup : CommandNode
{
    public CommandGroup(string name, string summary, IReadOnlyList<CommandNode> children)
    {
        var duplicate = children.GroupBy(c => c.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"command '{name}' has two subcommands named '{duplicate.Key}'", nameof(children));
        }

        Name = name;
        Summary = summary;
        Children = children;
    }

    public override string Name { get; }

    public override string Summary { get; }

    public IReadOnlyList<CommandNode> Children { get; }

    public CommandNode? Find(string name) => Children.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.Ordinal));
}
