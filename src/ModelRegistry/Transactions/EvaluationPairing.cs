using DaiChain.Ledger;
using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Primitives;
using DaiChain.Ledger.Transactions;
using DaiChain.ModelRegistry.Validation;

namespace DaiChain.ModelRegistry.Transactions;

/// <summary>
/// The layout rule of the evaluation gate, checked on an executed block: every version registration that names
/// benchmarks and succeeds is followed immediately by a successful RecordEvaluation of that version from the
/// block's proposer, and every RecordEvaluation follows such a registration (docs/spec/evaluation-gate.md).
/// </summary>
/// <remarks>
/// The rule reads the block's receipts and senders, so it runs after execution. It says nothing about whether the
/// results are right; each validator compares them with its own evaluation.
/// </remarks>
public static class EvaluationPairing
{
    /// <summary>Stable code of a block that breaks the rule.</summary>
    public const string UnpairedCode = "evaluation_unpaired";

    /// <summary>The block's gated registrations, or a failure naming the first transaction that breaks the rule.</summary>
    public static Outcome Find(IReadOnlyList<SignedTransaction> transactions, IReadOnlyList<Receipt> receipts, IReadOnlyList<Address> senders, Address proposer, out IReadOnlyList<GatedVersion> gated)
    {
        ArgumentNullException.ThrowIfNull(transactions);
        ArgumentNullException.ThrowIfNull(receipts);
        ArgumentNullException.ThrowIfNull(senders);
        var found = new List<GatedVersion>();
        gated = found;
        if (receipts.Count != transactions.Count || senders.Count != transactions.Count)
        {
            return Outcome.Fail(UnpairedCode, "the block's receipts do not cover its transactions");
        }

        for (var i = 0; i < transactions.Count; i++)
        {
            var transaction = transactions[i];
            if (transaction.Kind == RegistryKinds.RecordEvaluation)
            {
                return Outcome.Fail(UnpairedCode, $"transaction {i} ({transaction.Hash}) records an evaluation without the version registration it belongs to right before it");
            }

            if (transaction.Kind != RegistryKinds.RegisterModelVersion || !receipts[i].Success
                || TryDecode<RegisterModelVersionPayload>(transaction) is not { Benchmarks.Count: > 0 } version)
            {
                continue;
            }

            var versionId = VersionId(version);
            var next = i + 1;
            if (next >= transactions.Count || transactions[next].Kind != RegistryKinds.RecordEvaluation)
            {
                return Outcome.Fail(UnpairedCode, $"version {RegistryIds.Format(versionId)} (transaction {i}) names benchmarks but no evaluation record follows it");
            }

            if (senders[next] != proposer)
            {
                return Outcome.Fail(UnpairedCode, $"the evaluation record of version {RegistryIds.Format(versionId)} is sent by {senders[next]}, not by the proposer {proposer}");
            }

            if (!receipts[next].Success)
            {
                return Outcome.Fail(UnpairedCode, $"the evaluation record of version {RegistryIds.Format(versionId)} fails: {receipts[next].Code}: {receipts[next].Message}");
            }

            var record = TryDecode<RecordEvaluationPayload>(transactions[next])!;
            if (record.VersionId != versionId)
            {
                return Outcome.Fail(UnpairedCode, $"the evaluation record after version {RegistryIds.Format(versionId)} is for {RegistryIds.Format(record.VersionId)}");
            }

            found.Add(new GatedVersion(i, transaction, version, record));
            i = next;
        }

        return Outcome.Success;
    }

    /// <summary>The version id a registration payload creates.</summary>
    public static Hash256 VersionId(RegisterModelVersionPayload version) =>
        RegistryIds.Version(version.ModelId, SemanticVersion.Parse(version.Semver).PrecedenceText);

    /// <summary>The payload, or null when it does not decode (such a transaction never executes successfully).</summary>
    public static TPayload? TryDecode<TPayload>(SignedTransaction transaction)
        where TPayload : class, ICanonicalEncodable<TPayload>
    {
        try
        {
            return Canonical.Decode<TPayload>(transaction.Payload.Span);
        }
        catch (CodecException)
        {
            return null;
        }
    }
}
