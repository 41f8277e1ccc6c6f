using System.Globalization;
using System.Text;

namespace DaiChain.Node.Metrics;

/// <summary>
/// Names, escaping and number formatting of the Prometheus text exposition format, version 0.0.4.
/// </summary>
/// <remarks>
/// Metric names match <c>[a-zA-Z_:][a-zA-Z0-9_:]*</c>, label names <c>[a-zA-Z_][a-zA-Z0-9_]*</c> without the
/// reserved <c>__</c> prefix. HELP text escapes backslash and line feed; label values also escape the double
/// quote. Values are Go-parsable floats: shortest round-trip digits, <c>+Inf</c>, <c>-Inf</c>, <c>NaN</c>.
/// </remarks>
internal static class PrometheusText
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    public static bool IsValidMetricName(string name)
    {
        if (name.Length == 0 || !(IsLetter(name[0]) || name[0] is '_' or ':'))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(IsLetter(c) || char.IsAsciiDigit(c) || c is '_' or ':'))
            {
                return false;
            }
        }

        return true;
    }

    public static bool IsValidLabelName(string name)
    {
        if (name.Length == 0 || !(IsLetter(name[0]) || name[0] == '_') || name.StartsWith("__", StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(IsLetter(c) || char.IsAsciiDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return true;
    }

    public static void AppendHelp(StringBuilder output, string help)
    {
        foreach (var c in help)
        {
            switch (c)
            {
                case '\\':
                    output.Append("\\\\");
                    break;
                case '\n':
                    output.Append("\\n");
                    break;
                default:
                    output.Append(c);
                    break;
            }
        }
    }

    public static void AppendLabelValue(StringBuilder output, string value)
    {
        foreach (var c in value)
        {
            switch (c)
            {
                case '\\':
                    output.Append("\\\\");
                    break;
                case '\n':
                    output.Append("\\n");
                    break;
                case '"':
                    output.Append("\\\"");
                    break;
                default:
                    output.Append(c);
                    break;
            }
        }
    }

    /// <summary>Formats a sample value or a bucket bound the way Prometheus parses it.</summary>
    public static string FormatValue(double value)
    {
        if (double.IsPositiveInfinity(value))
        {
            return "+Inf";
        }

        if (double.IsNegativeInfinity(value))
        {
            return "-Inf";
        }

        return double.IsNaN(value) ? "NaN" : value.ToString("R", CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The label part of a sample line for <paramref name="names"/> and <paramref name="values"/>, without
    /// braces: <c>a="x",b="y"</c>; empty when there are no labels.
    /// </summary>
    public static string FormatLabelPairs(IReadOnlyList<string> names, IReadOnlyList<string> values)
    {
        if (names.Count == 0)
        {
            return string.Empty;
        }

        var text = new StringBuilder();
        for (var i = 0; i < names.Count; i++)
        {
            if (i > 0)
            {
                text.Append(',');
            }

            text.Append(names[i]).Append("=\"");
            AppendLabelValue(text, values[i]);
            text.Append('"');
        }

        return text.ToString();
    }

    /// <summary>Appends one sample line: <c>name{labels} value</c>.</summary>
    public static void AppendSample(StringBuilder output, string name, string labelPairs, double value)
    {
        output.Append(name);
        if (labelPairs.Length > 0)
        {
            output.Append('{').Append(labelPairs).Append('}');
        }

        output.Append(' ').Append(FormatValue(value)).Append('\n');
    }

    private static bool IsLetter(char c) => char.IsAsciiLetter(c);
}
