using System.Globalization;
using BenchmarkDotNet.Running;
using DaiChain.Benchmarks.Audit;

namespace DaiChain.Benchmarks;

internal static class Program
{
    private static void Main(string[] args)
    {
        // `audit-chain DIR BLOCKS TRANSACTIONS` writes a chain folder for timing `daichain audit verify` as a process.
        if (args is ["audit-chain", var folder, var blocks, var transactions])
        {
            AuditBenchChain.Generate(Path.GetFullPath(folder), int.Parse(blocks, CultureInfo.InvariantCulture), int.Parse(transactions, CultureInfo.InvariantCulture));
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
