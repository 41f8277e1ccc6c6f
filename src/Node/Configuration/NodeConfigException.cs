namespace DaiChain.Node.Configuration;

/// <summary>A config file cannot be used; <see cref="Problems"/> lists each reason as a sentence naming the setting.</summary>
public sealed class NodeConfigException : Exception
{
    public NodeConfigException()
        : this("config", ["invalid configuration"])
    {
    }

    public NodeConfigException(string message)
        : this("config", [message])
    {
    }

    public NodeConfigException(string message, Exception innerException)
        : base(message, innerException)
    {
        Source = "config";
        Problems = [message];
    }

    public NodeConfigException(string source, IReadOnlyList<string> problems)
        : base(problems.Count == 1 ? $"{source}: {problems[0]}" : $"{source} has {problems.Count} problems:\n  - {string.Join("\n  - ", problems)}")
    {
        Source = source;
        Problems = problems;
    }

    public IReadOnlyList<string> Problems { get; }
}
