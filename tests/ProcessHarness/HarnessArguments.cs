using System.Globalization;

namespace DaiChain.ProcessHarness;

/// <summary><c>--name value</c> options of a subcommand; every malformed input is an <see cref="ArgumentException"/>.</summary>
public sealed class HarnessArguments
{
    private readonly Dictionary<string, string> _values;

    private HarnessArguments(Dictionary<string, string> values) => _values = values;

    public static HarnessArguments Parse(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Count)
            {
                throw new ArgumentException($"expected '--name value' at '{args[i]}'");
            }

            if (!values.TryAdd(args[i][2..], args[i + 1]))
            {
                throw new ArgumentException($"option '{args[i]}' given twice");
            }
        }

        return new HarnessArguments(values);
    }

    public string Required(string name) =>
        _values.TryGetValue(name, out var value) ? value : throw new ArgumentException($"missing --{name}");

    public int Int32(string name, int fallback, int min, int max)
    {
        if (!_values.TryGetValue(name, out var text))
        {
            return fallback;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            throw new ArgumentException($"--{name} must be an integer from {min} to {max}, not '{text}'");
        }

        return value;
    }
}
