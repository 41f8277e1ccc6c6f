using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace DaiChain.Node.Tests.Metrics;

/// <summary>
/// A strict reader of the Prometheus text format 0.0.4, written from the format's description: it fails on
/// anything a scraper would reject, and returns each sample keyed by name and label text as written.
/// </summary>
public static partial class ExpositionParser
{
    public static Dictionary<(string Name, string Labels), double> Parse(string text)
    {
        Assert.EndsWith("\n", text, StringComparison.Ordinal);
        var samples = new Dictionary<(string, string), double>();
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        var helps = new HashSet<string>(StringComparer.Ordinal);
        var sampled = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in text[..^1].Split('\n'))
        {
            if (line.StartsWith("# HELP ", StringComparison.Ordinal))
            {
                var name = line["# HELP ".Length..].Split(' ', 2)[0];
                Assert.Matches(MetricName(), name);
                Assert.True(helps.Add(name), $"second HELP for {name}");
                Assert.DoesNotContain(name, sampled);
                CheckHelpEscapes(line);
            }
            else if (line.StartsWith("# TYPE ", StringComparison.Ordinal))
            {
                var parts = line.Split(' ');
                Assert.Equal(4, parts.Length);
                Assert.Matches(MetricName(), parts[2]);
                Assert.Contains(parts[3], new[] { "counter", "gauge", "histogram", "summary", "untyped" });
                Assert.True(types.TryAdd(parts[2], parts[3]), $"second TYPE for {parts[2]}");
                Assert.DoesNotContain(parts[2], sampled);
            }
            else if (line.StartsWith('#'))
            {
                continue;
            }
            else
            {
                var match = Sample().Match(line);
                Assert.True(match.Success, $"not a sample line: {line}");
                var name = match.Groups["name"].Value;
                var labels = match.Groups["labels"].Value;
                var family = Family(name, types);
                Assert.True(family is not null, $"sample {name} has no TYPE line before it");
                sampled.Add(family);
                CheckLabels(labels);
                Assert.True(samples.TryAdd((name, labels), ParseValue(match.Groups["value"].Value)), $"duplicate sample {line}");
            }
        }

        CheckHistograms(samples, types);
        return samples;
    }

    /// <summary>Decodes a label value as written between the quotes.</summary>
    public static string Unescape(string value)
    {
        var text = new StringBuilder();
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] != '\\')
            {
                text.Append(value[i]);
                continue;
            }

            i++;
            text.Append(value[i] switch
            {
                '\\' => '\\',
                '"' => '"',
                'n' => '\n',
                var other => throw new FormatException($"bad escape \\{other}"),
            });
        }

        return text.ToString();
    }

    private static string? Family(string name, Dictionary<string, string> types)
    {
        if (types.ContainsKey(name))
        {
            return name;
        }

        foreach (var suffix in new[] { "_bucket", "_sum", "_count" })
        {
            if (name.EndsWith(suffix, StringComparison.Ordinal) && types.TryGetValue(name[..^suffix.Length], out var type) && type == "histogram")
            {
                return name[..^suffix.Length];
            }
        }

        return null;
    }

    private static void CheckLabels(string labels)
    {
        if (labels.Length == 0)
        {
            return;
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        var rest = labels;
        while (rest.Length > 0)
        {
            var match = Label().Match(rest);
            Assert.True(match.Success && match.Index == 0, $"bad label list: {labels}");
            Assert.True(names.Add(match.Groups["name"].Value), $"repeated label in {labels}");
            Unescape(match.Groups["value"].Value);
            rest = rest[match.Length..];
            if (rest.Length > 0)
            {
                Assert.StartsWith(",", rest, StringComparison.Ordinal);
                rest = rest[1..];
            }
        }
    }

    private static void CheckHelpEscapes(string line)
    {
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == '\\')
            {
                Assert.True(i + 1 < line.Length && line[i + 1] is '\\' or 'n', $"bad escape in {line}");
                i++;
            }
        }
    }

    private static void CheckHistograms(Dictionary<(string Name, string Labels), double> samples, Dictionary<string, string> types)
    {
        foreach (var (name, _) in types.Where(t => t.Value == "histogram"))
        {
            var series = samples.Keys.Where(k => k.Name == name + "_count").Select(k => k.Labels);
            foreach (var labels in series)
            {
                var prefix = labels.Length == 0 ? "le=\"" : labels + ",le=\"";
                var buckets = samples
                    .Where(s => s.Key.Name == name + "_bucket" && s.Key.Labels.StartsWith(prefix, StringComparison.Ordinal))
                    .Select(s => (Bound: ParseValue(s.Key.Labels[prefix.Length..^1]), Count: s.Value))
                    .OrderBy(b => b.Bound)
                    .ToList();
                Assert.True(buckets.Count >= 2, $"{name}{{{labels}}} has too few buckets");
                Assert.True(double.IsPositiveInfinity(buckets[^1].Bound), $"{name}{{{labels}}} lacks le=\"+Inf\"");
                for (var i = 1; i < buckets.Count; i++)
                {
                    Assert.True(buckets[i].Count >= buckets[i - 1].Count, $"{name}{{{labels}}} buckets are not cumulative");
                }

                Assert.Equal(samples[(name + "_count", labels)], buckets[^1].Count);
                Assert.True(samples.ContainsKey((name + "_sum", labels)), $"{name}{{{labels}}} lacks _sum");
            }
        }
    }

    private static double ParseValue(string text) => text switch
    {
        "+Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        "NaN" => double.NaN,
        _ => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
    };

    [GeneratedRegex("^[a-zA-Z_:][a-zA-Z0-9_:]*$")]
    private static partial Regex MetricName();

    [GeneratedRegex("""^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})? (?<value>\S+)$""")]
    private static partial Regex Sample();

    [GeneratedRegex("(?<name>[a-zA-Z_][a-zA-Z0-9_]*)=\"(?<value>(\\\\.|[^\"\\\\])*)\"")]
    private static partial Regex Label();
}
