using DaiChain.Ledger.Audit.Bundles;
using DaiChain.Ledger.Execution;
using DaiChain.Ledger.Primitives;
using DaiChain.ModelRegistry.Queries;

namespace DaiChain.Node.Audit;

/// <summary>
/// A model version's provenance at a committed height, from a node's chain: the registry's provenance report (every
/// fact it states proven against that height's state root) and the same facts as keys for a proof bundle, the version
/// record first.
/// </summary>
internal static class ModelVersionFacts
{
    /// <summary>The report and bundle keys; null when the version is not registered at that height.</summary>
    /// <exception cref="InvalidOperationException">The state of <paramref name="height"/> is not available (pruned).</exception>
    public static (ProvenanceReportView Report, IReadOnlyList<FactKey> Facts)? At(ChainStore chain, ulong height, Hash256 versionId)
    {
        var committed = ChainStoreCommittedState.At(chain, height)
            ?? throw new InvalidOperationException($"the state of height {height} is not available (pruned, or not committed)");
        var report = new ProvenanceReportBuilder(committed).Build(versionId);
        if (report is null)
        {
            return null;
        }

        var facts = report.Facts.Select(f => new FactKey(f.Fact, f.Space, Hex.Decode(f.Id))).ToList();
        return (report, facts);
    }
}
