using System.Diagnostics;
using System.Globalization;

namespace DaiChain.ConsensusSim;

/// <summary>
/// Command-line runner: <c>dotnet run --project tests/ConsensusSim -c Release -- --scenario N4F0 --seeds 10000</c>.
/// Prints every failing seed; <c>--seed S --trace</c> reruns one seed and prints what happened.
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        var scenarios = new List<Scenario>();
        var first = 1;
        var count = 100;
        var trace = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--scenario":
                    scenarios.AddRange(args[++i] == "all" ? Scenarios.All : [Scenarios.ByName(args[i])]);
                    break;
                case "--seeds":
                    count = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--first-seed":
                    first = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--seed":
                    first = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    count = 1;
                    break;
                case "--trace":
                    trace = true;
                    break;
                default:
                    Console.Error.WriteLine("usage: ConsensusSim --scenario <name|all> [--seeds N] [--first-seed S] | --scenario <name> --seed S [--trace]");
                    Console.Error.WriteLine("scenarios: " + string.Join(", ", Scenarios.All.Select(s => s.Name)));
                    return 2;
            }
        }

        if (scenarios.Count == 0)
        {
            scenarios.AddRange(Scenarios.All);
        }

        var failed = 0;
        foreach (var scenario in scenarios)
        {
            var watch = Stopwatch.StartNew();
            var failures = 0;
            var seeds = Enumerable.Range(first, count);
            var results = trace
                ? seeds.Select(seed => SimRun.Execute(scenario, seed, Console.WriteLine))
                : seeds.AsParallel().AsOrdered().Select(seed => SimRun.Execute(scenario, seed));
            foreach (var result in results)
            {
                if (!result.Passed || trace)
                {
                    Console.WriteLine(result);
                }

                failures += result.Passed ? 0 : 1;
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{scenario.Name}: {count - failures}/{count} seeds passed in {watch.Elapsed.TotalSeconds:F1} s"));
            failed += failures;
        }

        return failed == 0 ? 0 : 1;
    }
}
