using DaiChain.TestKit;

namespace DaiChain.Node.Tests.Audit;

/// <summary>
/// The real <c>daichain</c> binary as a child process: a bundle checks on a "machine" that has only the bundle and
/// genesis.json (a fresh directory holding just those two files), and fails there once altered; <c>audit verify</c>
/// shows progress and its exit code tells an intact chain from a tampered one.
/// </summary>
public sealed class AuditProcessTests : IDisposable
{
    private readonly AuditHome _home = new(blocksBefore: 1, blocksAfter: 2, transfers: 1);
    private readonly TemporaryDirectory _regulator = new();

    public void Dispose()
    {
        _home.Dispose();
        _regulator.Dispose();
    }

    [Fact]
    public void A_bundle_checks_with_only_itself_and_genesis_json_and_fails_once_altered()
    {
        var made = AuditCli.RunProcess(_home.Root, "audit", "prove", "--home", _home.Root, "--account", TestKit.Keys.Account(1).Address.ToString(), "--out", "provenance.dcb");
        Assert.True(made.ExitCode == 0, made.ToString());

        File.Copy(_home.Combine("provenance.dcb"), _regulator.Combine("provenance.dcb"));
        File.Copy(_home.GenesisPath, _regulator.Combine("genesis.json"));
        Assert.Equal(2, Directory.GetFileSystemEntries(_regulator.Path).Length);

        var valid = AuditCli.RunProcess(_regulator.Path, "audit", "check-bundle", "provenance.dcb", "--genesis", "genesis.json");
        Assert.True(valid.ExitCode == 0, valid.ToString());
        Assert.Contains("result:       valid", valid.Out, StringComparison.Ordinal);

        var bytes = File.ReadAllBytes(_regulator.Combine("provenance.dcb"));
        bytes[bytes.Length / 3] ^= 0x01;
        File.WriteAllBytes(_regulator.Combine("provenance.dcb"), bytes);
        var altered = AuditCli.RunProcess(_regulator.Path, "audit", "check-bundle", "provenance.dcb", "--genesis", "genesis.json");
        Assert.Equal(1, altered.ExitCode);
        Assert.StartsWith("error: the bundle is invalid: ", altered.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_exits_zero_on_the_intact_chain_and_one_at_a_flipped_byte_naming_the_height()
    {
        var data = Path.Combine(_home.Root, "data");
        var intact = AuditCli.RunProcess(_regulator.Path, "audit", "verify", "--data", data, "--genesis", _home.GenesisPath);
        Assert.True(intact.ExitCode == 0, intact.ToString());
        Assert.Contains("result:       verified", intact.Out, StringComparison.Ordinal);
        Assert.Contains($"verified {_home.Height} of {_home.Height} blocks", intact.Error, StringComparison.Ordinal);

        const ulong height = 2;
        _home.Overwrite(AuditHome.Blocks, TestKit.Audit.AuditChain.HeightKey(height), bytes =>
        {
            bytes[bytes.Length / 2] ^= 0x08;
            return bytes;
        });
        var tampered = AuditCli.RunProcess(_regulator.Path, "audit", "verify", "--data", data, "--genesis", _home.GenesisPath, "--quiet");
        Assert.Equal(1, tampered.ExitCode);
        Assert.StartsWith($"error: height {height}: ", tampered.Error, StringComparison.Ordinal);
        Assert.Contains($"DISCREPANCY at height {height}", tampered.Out, StringComparison.Ordinal);
    }
}
