using System.Security.Cryptography;
using System.Text.Json;
using DaiChain.Ledger.Encoding;
using DaiChain.ModelRegistry.Evaluation;

namespace DaiChain.EvalHarness;

/// <summary>Reads the fixture manifest written by <c>generate.py</c> and evaluates every fixture.</summary>
public static class FixtureSuite
{
    public static IReadOnlyList<FixtureCase> Load(string directory)
    {
        using var manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(directory, "manifest.json")));
        var cases = new List<FixtureCase>();
        foreach (var f in manifest.RootElement.GetProperty("fixtures").EnumerateArray())
        {
            var s = f.GetProperty("spec");
            var spec = new BenchmarkSpec
            {
                ScoredOutput = s.GetProperty("scoredOutput").GetString()!,
                Task = Enum.Parse<BenchmarkTask>(s.GetProperty("task").GetString()!),
                Metric = Enum.Parse<BenchmarkMetric>(s.GetProperty("metric").GetString()!),
                Threshold = s.GetProperty("threshold").GetInt64(),
                PositiveLabel = s.TryGetProperty("positiveLabel", out var p) ? p.GetInt64() : null,
                LabelMapping = s.TryGetProperty("labelMapping", out var m)
                    ? m.EnumerateArray().Select(e => new LabelMapEntry(e.GetProperty("modelLabel").GetString()!, e.GetProperty("datasetLabel").GetInt64())).ToList()
                    : [],
                Inputs = s.TryGetProperty("inputs", out var i)
                    ? i.EnumerateArray().Select(e => new InputBinding(e.GetProperty("name").GetString()!, e.GetProperty("firstFeature").GetInt32(), e.GetProperty("width").GetInt32())).ToList()
                    : [],
            };
            cases.Add(new FixtureCase(
                f.GetProperty("name").GetString()!,
                Path.Combine(directory, f.GetProperty("model").GetString()!),
                Path.Combine(directory, f.GetProperty("dataset").GetString()!),
                spec,
                f.GetProperty("samples").GetInt32(),
                f.TryGetProperty("expectedPredictions", out var ep) ? ep.EnumerateArray().Select(e => e.GetInt64()).ToList() : null,
                f.TryGetProperty("expectedCorrect", out var ec) ? ec.GetInt64() : null,
                f.TryGetProperty("expectedValues", out var ev) ? ev.EnumerateArray().Select(e => e.GetSingle()).ToList() : null));
        }

        return cases;
    }

    public static IReadOnlyList<(FixtureCase Case, EvaluationResult Result)> Evaluate(IReadOnlyList<FixtureCase> cases, Evaluator evaluator) =>
        cases.Select(c => (c, evaluator.Evaluate(File.ReadAllBytes(c.ModelPath), File.ReadAllBytes(c.DatasetPath), c.Spec))).ToList();

    /// <summary>SHA-256 over the canonical encodings of all results, in manifest order (each includes its output digest).</summary>
    public static string GoldenHash(IEnumerable<EvaluationResult> results)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var r in results)
        {
            hash.AppendData(Canonical.Encode(r));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
