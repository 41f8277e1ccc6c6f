using System.Globalization;
using System.Numerics;
using System.Runtime.Intrinsics.X86;
using DaiChain.EvalHarness;
using DaiChain.ModelRegistry.Evaluation;

// Usage: DaiChain.EvalHarness golden <fixtures directory> [parallelism]
// Prints the golden hash of all fixture results on stdout and the instruction sets in use on stderr.
if (args.Length is < 2 or > 3 || args[0] != "golden")
{
    Console.Error.WriteLine("usage: DaiChain.EvalHarness golden <fixtures directory> [parallelism]");
    return 2;
}

var parallelism = args.Length == 3 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1;
Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"vector accelerated={Vector.IsHardwareAccelerated} width(double)={Vector<double>.Count} avx2={Avx2.IsSupported} avx512f={Avx512F.IsSupported} fma={Fma.IsSupported}"));
var results = FixtureSuite.Evaluate(FixtureSuite.Load(args[1]), new Evaluator(EvaluationLimits.Default, parallelism));
Console.WriteLine(FixtureSuite.GoldenHash(results.Select(r => r.Result)));
return 0;
