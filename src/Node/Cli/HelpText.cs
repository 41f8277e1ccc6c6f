using System.Text;

namespace DaiChain.Node.Cli;

/// <summary>The <c>--help</c> text of groups and commands, built from their declarations.</summary>
internal static class HelpText
{
    private const string HelpLine = "show this help";

    public static string ForGroup(CommandGroup group, string path)
    {
        var text = new StringBuilder();
        text.Append(path).Append(": ").AppendLine(group.Summary).AppendLine();
        text.Append("usage: ").Append(path).AppendLine(" <command> [flags] [arguments]").AppendLine();
        text.AppendLine("commands:");
        var width = group.Children.Select(c => c.Name.Length).DefaultIfEmpty(0).Max();
        foreach (var child in group.Children)
        {
            text.Append("  ").Append(child.Name.PadRight(width + 3)).AppendLine(child.Summary);
        }

        text.AppendLine().Append("Run '").Append(path).AppendLine(" <command> --help' for more about a command.");
        return text.ToString();
    }

    public static string ForCommand(Command command, string path)
    {
        var text = new StringBuilder();
        text.Append(path).Append(": ").AppendLine(command.Summary).AppendLine();
        text.Append("usage: ").Append(path);
        foreach (var option in command.Options)
        {
            var usage = option.TakesValue ? $"--{option.Name} {option.ValueName}" : $"--{option.Name}";
            text.Append(' ').Append(option.Required ? usage : $"[{usage}]");
        }

        foreach (var argument in command.Arguments)
        {
            text.Append(' ').Append(argument.Name);
        }

        text.AppendLine();
        var rows = command.Arguments.Select(a => (a.Name, a.Description)).ToList();
        var flagRows = command.Options
            .Select(o => (Name: o.TakesValue ? $"--{o.Name} {o.ValueName}" : $"--{o.Name}", o.Description))
            .Append((Name: "-h, --help", Description: HelpLine))
            .ToList();
        var width = rows.Concat(flagRows).Max(r => r.Name.Length) + 3;
        if (rows.Count > 0)
        {
            text.AppendLine().AppendLine("arguments:");
            foreach (var (name, description) in rows)
            {
                text.Append("  ").Append(name.PadRight(width)).AppendLine(description);
            }
        }

        text.AppendLine().AppendLine("flags:");
        foreach (var (name, description) in flagRows)
        {
            text.Append("  ").Append(name.PadRight(width)).AppendLine(description);
        }

        return text.ToString();
    }
}
