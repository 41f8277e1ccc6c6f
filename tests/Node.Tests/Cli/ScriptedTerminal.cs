using DaiChain.Node.Cli;

namespace DaiChain.Node.Tests.Cli;

/// <summary>A terminal that answers prompts from a fixed list and records them.</summary>
internal sealed class ScriptedTerminal : ITerminal
{
    private readonly Queue<string> _answers;

    public ScriptedTerminal(params string[] answers) => _answers = new Queue<string>(answers);

    public List<string> Prompts { get; } = [];

    public char[] ReadSecret(string prompt)
    {
        Prompts.Add(prompt);
        return _answers.Dequeue().ToCharArray();
    }
}
