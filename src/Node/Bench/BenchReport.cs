using System.Globalization;
using System.Text;

namespace DaiChain.Node.Bench;

/// <summary>What a load run measured.</summary>
public sealed record BenchReport
{
    public required int Offered { get; init; }

    public required double OfferedRate { get; init; }

    public required int Accepted { get; init; }

    public required IReadOnlyDictionary<string, int> Rejected { get; init; }

    public required int Committed { get; init; }

    /// <summary>Committed transactions per second, from the first to the last block that carried load.</summary>
    public required double CommittedRate { get; init; }

    public required double LatencyP50Ms { get; init; }

    public required double LatencyP95Ms { get; init; }

    public required double LatencyP99Ms { get; init; }

    public required double LatencyMaxMs { get; init; }

    public required int Blocks { get; init; }

    public required double BlocksPerSecond { get; init; }

    public required double TransactionsPerBlock { get; init; }

    public required double RecoverPerSecondOneCore { get; init; }

    public required double RecoverPerSecondAllCores { get; init; }

    /// <summary>Nodes that verify every transaction (validators and followers of the devnet).</summary>
    public required int VerifyingNodes { get; init; }

    public string Format()
    {
        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        text.AppendLine(c, $"offered:     {Offered} transfers at {OfferedRate:0} tx/s");
        text.AppendLine(c, $"accepted:    {Accepted} by the mempool; rejected: {(Rejected.Count == 0 ? "none" : string.Join(", ", Rejected.Select(r => $"{r.Key} {r.Value}")))}");
        text.AppendLine(c, $"committed:   {Committed} ({CommittedRate:0} tx/s sustained over the loaded blocks)");
        text.AppendLine(c, $"latency:     p50 {LatencyP50Ms:0} ms, p95 {LatencyP95Ms:0} ms, p99 {LatencyP99Ms:0} ms, max {LatencyMaxMs:0} ms (submit to commit notification)");
        text.AppendLine(c, $"blocks:      {Blocks} ({BlocksPerSecond:0.0}/s), {TransactionsPerBlock:0} transactions per block");
        var perNode = RecoverPerSecondAllCores / VerifyingNodes;
        text.AppendLine(c, $"ceiling:     {RecoverPerSecondOneCore:0} signature recoveries/s on one core, {RecoverPerSecondAllCores:0}/s on all {Environment.ProcessorCount} cores;");
        text.AppendLine(c, $"             {VerifyingNodes} nodes each verify every transaction once: {perNode:0} tx/s is the machine's ceiling for this devnet");
        text.Append(c, $"ratio:       {CommittedRate / perNode:P0} of that ceiling ({CommittedRate / RecoverPerSecondAllCores:P0} of the raw all-core recovery rate)");
        return text.ToString();
    }
}
