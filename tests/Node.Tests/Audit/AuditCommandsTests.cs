using System.Buffers.Binary;
using System.Text.Json;
using DaiChain.Ledger.Audit;
using DaiChain.Ledger.Execution;
using DaiChain.Ledger.Primitives;
using DaiChain.Node.Cli;
using DaiChain.Node.Cli.Commands;
using DaiChain.TestKit;
using DaiChain.TestKit.Audit;

namespace DaiChain.Node.Tests.Audit;

/// <summary><c>daichain audit verify | prove | check-bundle</c> in process, on a RocksDB node home.</summary>
public sealed class AuditCommandsTests : IDisposable
{
    private readonly AuditHome _home = new();

    public void Dispose() => _home.Dispose();

    [Fact]
    public void Verify_passes_an_intact_chain_and_writes_the_integrity_report()
    {
        var reportPath = _home.Combine("integrity.json");
        var result = AuditCli.Run("audit", "verify", "--home", _home.Root, "--report", reportPath, "--quiet");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Contains($"verified:     heights 1 to {_home.Height} of {_home.Height}", result.Out, StringComparison.Ordinal);
        Assert.Contains("result:       verified", result.Out, StringComparison.Ordinal);
        Assert.Contains($"3 from height {_home.RemovalHeight}", result.Out, StringComparison.Ordinal);

        using var report = JsonDocument.Parse(File.ReadAllText(reportPath));
        var root = report.RootElement;
        Assert.Equal("daichain-integrity-report/v1", root.GetProperty("format").GetString());
        Assert.Equal("verified", root.GetProperty("result").GetString());
        Assert.Equal(_home.Height, root.GetProperty("verifiedHeight").GetUInt64());
        Assert.Equal(_home.HeadHash, root.GetProperty("head").GetProperty("blockHash").GetString());
        Assert.Equal(_home.Height, root.GetProperty("counts").GetProperty("certificates").GetUInt64());
        Assert.Equal(2, root.GetProperty("validatorSets").GetArrayLength());
        Assert.True(root.GetProperty("checks").GetProperty("storedState").GetBoolean());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("discrepancy").ValueKind);
    }

    [Fact]
    public void Verify_without_re_execution_checks_headers_and_certificates()
    {
        var result = AuditCli.Run("audit", "verify", "--data", Path.Combine(_home.Root, "data"), "--genesis", _home.GenesisPath, "--no-reexecute", "--quiet");
        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.DoesNotContain("re-execution", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_flipped_byte_in_a_stored_block_fails_naming_the_height()
    {
        const ulong height = 3;
        _home.Overwrite(ChainColumns.Blocks, AuditChain.HeightKey(height), bytes =>
        {
            bytes[bytes.Length / 2] ^= 0x10;
            return bytes;
        });

        var result = AuditCli.Run("audit", "verify", "--home", _home.Root, "--quiet", "--report", _home.Combine("r.json"));
        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.StartsWith($"error: height {height}: ", result.Error, StringComparison.Ordinal);
        Assert.Contains($"DISCREPANCY at height {height}", result.Out, StringComparison.Ordinal);
        Assert.Contains($"verified:     heights 1 to {height - 1}", result.Out, StringComparison.Ordinal);
        using var report = JsonDocument.Parse(File.ReadAllText(_home.Combine("r.json")));
        Assert.Equal(height, report.RootElement.GetProperty("discrepancy").GetProperty("height").GetUInt64());
    }

    [Fact]
    public void A_flipped_byte_in_a_stored_receipt_fails_naming_the_height_and_the_receipt()
    {
        const ulong height = 4;
        // Byte 4 is inside the first receipt's transaction hash (list count, receipt version, then the hash).
        _home.Overwrite(ChainColumns.Receipts, AuditChain.HeightKey(height), bytes =>
        {
            bytes[4] ^= 0x01;
            return bytes;
        });

        var result = AuditCli.Run("audit", "verify", "--home", _home.Root, "--quiet");
        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.StartsWith($"error: height {height}: receipt 0: ", result.Error, StringComparison.Ordinal);
        Assert.Contains(AuditCodes.ReceiptMismatch, result.Error, StringComparison.Ordinal);
        Assert.Contains($"DISCREPANCY at height {height}: receipt 0", result.Out, StringComparison.Ordinal);

        // Without re-execution, the receipts must still hash to the receipts root the certified header names.
        var headersOnly = AuditCli.Run("audit", "verify", "--home", _home.Root, "--no-reexecute", "--quiet");
        Assert.Equal(ExitCodes.Failure, headersOnly.ExitCode);
        Assert.StartsWith($"error: height {height}: receipts: ", headersOnly.Error, StringComparison.Ordinal);
        Assert.Contains(AuditCodes.ReceiptsRootMismatch, headersOnly.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_flipped_byte_in_a_stored_state_entry_fails_naming_the_height_and_the_key()
    {
        const ulong height = 3;
        byte[] key;
        using (var store = _home.OpenWritable())
        {
            key = store.Range(ChainColumns.StateValues, null, null).First(e => e.Key.Length == Hash256.Size + 8 && BinaryPrimitives.ReadUInt64BigEndian(e.Key.AsSpan(Hash256.Size)) == height).Key;
        }

        _home.Overwrite(ChainColumns.StateValues, key, bytes =>
        {
            bytes[^1] ^= 0x04;
            return bytes;
        });

        var result = AuditCli.Run("audit", "verify", "--home", _home.Root, "--quiet");
        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.StartsWith($"error: height {height}: state value {new Hash256(key.AsSpan(0, Hash256.Size))}: ", result.Error, StringComparison.Ordinal);
        Assert.Contains(AuditCodes.StoredValueMismatch, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Progress_goes_to_standard_error_every_two_seconds_and_at_the_end()
    {
        // A clock that moves one second each time the command reads it: a "long" run on a short chain.
        var time = new SteppingTime(TimeSpan.FromSeconds(1));
        var commands = new CommandGroup("daichain", "test", [new CommandGroup("audit", "test", [new AuditVerifyCommand(Program.CreateChainRules(), time)])]);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = new CommandRouter(commands, new CliConsole(output, error, _ => null, terminal: null)).Run(["audit", "verify", "--home", _home.Root]);

        Assert.True(code == ExitCodes.Success, $"{output}\n{error}");
        var lines = error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length >= 3, error.ToString());
        Assert.All(lines, l => Assert.Matches(@"^verified [0-9]+ of [0-9]+ blocks \([0-9]+ blocks/s\)$", l));
        Assert.Equal($"verified {_home.Height} of {_home.Height} blocks", lines[^1][..lines[^1].IndexOf(" (", StringComparison.Ordinal)]);
        Assert.DoesNotContain("verified", output.ToString().Split('\n')[0], StringComparison.Ordinal);

        var quiet = AuditCli.Run("audit", "verify", "--home", _home.Root, "--quiet");
        Assert.Equal(string.Empty, quiet.Error);
    }

    [Fact]
    public void A_flipped_byte_in_the_rocksdb_files_is_reported_as_corruption()
    {
        foreach (var file in Directory.GetFiles(_home.DatabasePath, "*.sst"))
        {
            var bytes = File.ReadAllBytes(file);
            bytes[10] ^= 0x40;
            File.WriteAllBytes(file, bytes);
        }

        var result = AuditCli.Run("audit", "verify", "--home", _home.Root, "--quiet");
        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.Contains("Corruption", result.Error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Another_genesis_is_refused()
    {
        var other = _home.Combine("other-genesis.json");
        File.WriteAllText(other, Ledger.Genesis.GenesisJson.Write(Build.A.Genesis.WithChainId("other-chain").Build()));
        var result = AuditCli.Run("audit", "verify", "--home", _home.Root, "--genesis", other, "--quiet");
        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.Contains("genesis_mismatch", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Usage_errors_name_what_is_missing()
    {
        Assert.Equal(ExitCodes.Usage, AuditCli.Run("audit", "verify").ExitCode);
        Assert.Contains("--genesis", AuditCli.Run("audit", "verify", "--data", _home.Root).Error, StringComparison.Ordinal);
        Assert.Contains("needs something to prove", AuditCli.Run("audit", "prove", "--home", _home.Root, "--out", _home.Combine("b")).Error, StringComparison.Ordinal);
        Assert.Contains("holds no chain database", AuditCli.Run("audit", "verify", "--data", _home.Combine("nowhere"), "--genesis", _home.GenesisPath).Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Prove_then_check_bundle_round_trips_and_a_checkpoint_needs_its_hash()
    {
        var bundle = _home.Combine("account.dcb");
        var account = TestKit.Keys.Account(0).Address.ToString();
        var proved = AuditCli.Run("audit", "prove", "--home", _home.Root, "--account", account, "--key", $"acct:{TestKit.Keys.Account(15).Address}", "--out", bundle);
        Assert.True(proved.ExitCode == ExitCodes.Success, proved.ToString());
        Assert.Contains("1 validator-set changes", proved.Out, StringComparison.Ordinal);

        var checkedBundle = AuditCli.Run("audit", "check-bundle", bundle, "--genesis", _home.GenesisPath);
        Assert.True(checkedBundle.ExitCode == ExitCodes.Success, checkedBundle.ToString());
        Assert.Contains("result:       valid", checkedBundle.Out, StringComparison.Ordinal);
        Assert.Contains($"block:        {_home.Height} {_home.HeadHash}", checkedBundle.Out, StringComparison.Ordinal);
        Assert.Contains("is absent", checkedBundle.Out, StringComparison.Ordinal);

        var fromCheckpoint = _home.Combine("checkpoint.dcb");
        Assert.Equal(ExitCodes.Success, AuditCli.Run("audit", "prove", "--home", _home.Root, "--account", account, "--checkpoint", "2", "--out", fromCheckpoint).ExitCode);
        var untrusted = AuditCli.Run("audit", "check-bundle", fromCheckpoint, "--genesis", _home.GenesisPath);
        Assert.Equal(ExitCodes.Failure, untrusted.ExitCode);
        Assert.Contains("checkpoint", untrusted.Error, StringComparison.Ordinal);
    }
}
