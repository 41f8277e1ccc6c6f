using System.Diagnostics;
using DaiChain.Ledger.Crypto;
using DaiChain.Ledger.Primitives;

namespace DaiChain.Node.Bench;

/// <summary>
/// This machine's secp256k1 public-key recovery rate (what a node does once per transaction), on one core and on
/// all cores, measured the same way the nodes recover senders.
/// </summary>
public static class SignatureCeiling
{
    public static (double OneCore, double AllCores) Measure(TimeSpan probe)
    {
        const int Samples = 256;
        var digests = new Hash256[Samples];
        var signatures = new RecoverableSignature[Samples];
        using (var key = PrivateKey.FromSeed("daichain-bench/ceiling", 0))
        {
            for (var i = 0; i < Samples; i++)
            {
                digests[i] = Hash256.Compute(BitConverter.GetBytes(i));
                signatures[i] = key.Sign(digests[i]);
            }
        }

        double Run(int threads)
        {
            long total = 0;
            var clock = Stopwatch.StartNew();
            Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, thread =>
            {
                long count = 0;
                while (clock.Elapsed < probe)
                {
                    for (var i = 0; i < Samples; i++)
                    {
                        _ = Secp256k1.Shared.TryRecover(digests[i], signatures[i], out PublicKey? _);
                    }

                    count += Samples;
                }

                Interlocked.Add(ref total, count);
            });
            return total / clock.Elapsed.TotalSeconds;
        }

        Run(1);
        return (Run(1), Run(Environment.ProcessorCount));
    }
}
