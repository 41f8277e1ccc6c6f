using System.Text;
using System.Text.Json;
using DaiChain.Ledger.Audit;
using DaiChain.Ledger.Genesis;

namespace DaiChain.Node.Audit;

/// <summary>
/// The ledger integrity report: an <see cref="AuditReport"/> as JSON (<c>daichain-integrity-report/v1</c>,
/// docs/spec/audit.md) — what was verified from which genesis, how far, the validator-set history, checkpoints, and
/// the first discrepancy. Deterministic: the same audit gives the same bytes (no generation time).
/// </summary>
internal static class IntegrityReportJson
{
    public const string Format = "daichain-integrity-report/v1";

    public static string Write(AuditReport report)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("format", Format);
            json.WriteString("chainId", report.ChainId);
            json.WriteString("genesisHash", report.GenesisHash.ToString());
            json.WriteString("source", report.Source);
            json.WriteString("result", report.IsClean ? "verified" : "discrepancy");
            json.WriteStartObject("checks");
            json.WriteBoolean("headerLinks", true);
            json.WriteBoolean("transactionRoots", true);
            json.WriteBoolean("commitCertificates", true);
            json.WriteBoolean("reExecution", report.ReExecuted);
            json.WriteBoolean("storedState", report.StoredStateCompared);
            json.WriteEndObject();
            json.WriteNumber("fromHeight", report.FromHeight);
            json.WriteNumber("verifiedHeight", report.VerifiedHeight);
            json.WriteNumber("sourceHeight", report.SourceHeight);
            json.WritePropertyName("head");
            WriteCheckpoint(json, report.Head);
            json.WriteStartObject("counts");
            json.WriteNumber("blocks", report.Blocks);
            json.WriteNumber("transactions", report.Transactions);
            json.WriteNumber("certificates", report.Certificates);
            json.WriteNumber("commitSignatures", report.CommitSignatures);
            json.WriteEndObject();
            json.WriteStartArray("validatorSets");
            foreach (var change in report.ValidatorSetChanges)
            {
                json.WriteStartObject();
                json.WriteNumber("fromHeight", change.Height);
                json.WriteString("hash", change.SetHash.ToString());
                json.WriteNumber("validators", change.Validators);
                json.WriteNumber("totalPower", change.TotalPower);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("checkpoints");
            foreach (var checkpoint in report.Checkpoints)
            {
                WriteCheckpoint(json, checkpoint);
            }

            json.WriteEndArray();
            if (report.Failure is { } failure)
            {
                json.WriteStartObject("discrepancy");
                json.WriteNumber("height", failure.Height);
                json.WriteString("code", failure.Code);
                json.WriteString("subject", failure.Subject);
                json.WriteString("message", failure.Message);
                json.WriteEndObject();
            }
            else
            {
                json.WriteNull("discrepancy");
            }

            if (report.Note is { } note)
            {
                json.WriteString("note", note);
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteCheckpoint(Utf8JsonWriter json, AuditCheckpoint checkpoint)
    {
        json.WriteStartObject();
        json.WriteNumber("height", checkpoint.Height);
        json.WriteString("blockHash", checkpoint.BlockHash.ToString());
        json.WriteString("stateRoot", checkpoint.StateRoot.ToString());
        json.WriteString("time", checkpoint.Height == 0 ? string.Empty : GenesisJson.FormatTime(checkpoint.TimeMs));
        json.WriteEndObject();
    }
}
