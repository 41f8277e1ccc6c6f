using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Primitives;
using DaiChain.Ledger.State;
using DaiChain.ModelRegistry.Records;
using DaiChain.ModelRegistry.State;

namespace DaiChain.ModelRegistry.Queries;

/// <summary>
/// Checks a provenance report without trusting the node that built it: every fact's key is recomputed from its
/// space and id, every proof is checked against the report's state root, and the central facts (version, model,
/// card) are decoded and compared with what the report says.
/// </summary>
/// <remarks>
/// What remains to trust is the state root itself: check the header (<c>BlockHash</c>) against the chain, for
/// example its commit certificate from an audit node.
/// </remarks>
public static class ProvenanceVerifier
{
    /// <summary>Every problem found; empty when the report checks out.</summary>
    public static IReadOnlyList<string> Verify(ProvenanceReportView report)
    {
        var problems = new List<string>();
        if (!Hash256.TryParse(report.StateRoot, out var root))
        {
            return [$"state root '{report.StateRoot}' is not a hash"];
        }

        var seen = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var fact in report.Facts)
        {
            if (!Hex.TryDecode(fact.Id, out var id) || !Hex.TryDecode(fact.Value, out var value) || !Hex.TryDecode(fact.Proof, out var proofBytes) || !Hash256.TryParse(fact.KeyHash, out var keyHash))
            {
                problems.Add($"fact {fact.Fact}: id, value, proof or key hash is not hex");
                continue;
            }

            if (StateKeys.For(fact.Space, id) != keyHash)
            {
                problems.Add($"fact {fact.Fact}: key hash {fact.KeyHash} is not SHA-256({fact.Space}/{fact.Id})");
                continue;
            }

            StateProof proof;
            try
            {
                proof = Canonical.Decode<StateProof>(proofBytes);
            }
            catch (CodecException e)
            {
                problems.Add($"fact {fact.Fact}: the proof does not decode ({e.Message})");
                continue;
            }

            if (!proof.VerifyInclusion(root, keyHash, StateHashing.ValueHash(value)))
            {
                problems.Add($"fact {fact.Fact} ({fact.Space}/{fact.Id}): the proof does not verify against state root {report.StateRoot}");
                continue;
            }

            seen[fact.Space + "/" + fact.Id.ToLowerInvariant()] = value;
        }

        CheckCentralFacts(report, seen, problems);
        return problems;
    }

    private static void CheckCentralFacts(ProvenanceReportView report, Dictionary<string, byte[]> proven, List<string> problems)
    {
        if (!proven.TryGetValue(RegistrySpaces.Version + "/" + report.Version.Id.ToLowerInvariant(), out var versionBytes))
        {
            problems.Add($"the report has no proven version record for {report.Version.Id}");
            return;
        }

        var version = Canonical.Decode<VersionRecord>(versionBytes);
        if (RegistryIds.Format(version.ArtifactHash) != report.Version.Artifact.Hash || version.ArtifactSize != report.Version.Artifact.SizeBytes
            || version.Semver != report.Version.Semver || RegistryIds.Format(version.ModelId) != report.Model.Id
            || version.IsRevoked != (report.Version.Revocation is not null) || version.Parents.Count != report.Parents.Count)
        {
            problems.Add("the proven version record differs from the report's version (artifact, semver, model, revocation or parents)");
        }

        if (!proven.TryGetValue(RegistrySpaces.Model + "/" + report.Model.Id.ToLowerInvariant(), out var modelBytes)
            || Canonical.Decode<ModelRecord>(modelBytes) is not { } model || model.Name != report.Model.Name || model.Licence != report.Model.Licence)
        {
            problems.Add($"the report has no proven model record matching model {report.Model.Id}");
        }

        if (report.Version.ModelCard is { } card
            && (!proven.TryGetValue(RegistrySpaces.Card + "/" + report.Version.Id.ToLowerInvariant(), out var cardBytes) || Canonical.Decode<ModelCard>(cardBytes).Text != card))
        {
            problems.Add("the model card in the report is not the proven one");
        }
    }
}
