using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DaiChain.Ledger.Crypto;
using DaiChain.Ledger.Primitives;
using DaiChain.ModelRegistry;
using DaiChain.ModelRegistry.Inference;

namespace DaiChain.Node.Cli.Commands;

/// <summary>
/// Inference receipts as JSON lines, the exchange format between consumers (<c>receipts sign</c>) and providers
/// (<c>receipts submit</c>): <c>{"version","provider","requestHash","responseHash","consumer","timeMs","signature"}</c>,
/// hashes and addresses as <c>0x</c> hex.
/// </summary>
internal static class ReceiptLines
{
    public static string Format(InferenceReceipt receipt) => new JsonObject
    {
        ["version"] = RegistryIds.Format(receipt.VersionId),
        ["provider"] = receipt.Provider.ToString(),
        ["requestHash"] = RegistryIds.Format(receipt.RequestHash),
        ["responseHash"] = RegistryIds.Format(receipt.ResponseHash),
        ["consumer"] = receipt.Consumer.ToString(),
        ["timeMs"] = receipt.TimeMs,
        ["signature"] = "0x" + receipt.ConsumerSignature,
    }.ToJsonString();

    /// <summary>Reads every non-empty line of <paramref name="path"/>; a malformed line is a <see cref="CommandException"/> naming it.</summary>
    public static List<InferenceReceipt> Read(string path)
    {
        var receipts = new List<InferenceReceipt>();
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CommandException($"{path}: {e.Message}", e);
        }

        for (var i = 0; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                continue;
            }

            try
            {
                var line = JsonNode.Parse(lines[i]) as JsonObject ?? throw new FormatException("not a JSON object");
                receipts.Add(new InferenceReceipt(
                    Hash256.Parse(Text(line, "version")),
                    Address.Parse(Text(line, "provider")),
                    Hash256.Parse(Text(line, "requestHash")),
                    Hash256.Parse(Text(line, "responseHash")),
                    Address.Parse(Text(line, "consumer")),
                    line["timeMs"]?.GetValue<ulong>() ?? throw new FormatException("timeMs is missing"),
                    RecoverableSignature.Parse(Text(line, "signature"))));
            }
            catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or ArgumentException)
            {
                throw new CommandException(string.Create(CultureInfo.InvariantCulture, $"{path} line {i + 1}: not a receipt ({e.Message})"), e);
            }
        }

        return receipts;
    }

    private static string Text(JsonObject line, string name) => line[name]?.GetValue<string>() ?? throw new FormatException($"{name} is missing");
}
