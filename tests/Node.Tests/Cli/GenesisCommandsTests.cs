using DaiChain.Ledger.Crypto;
using DaiChain.Ledger.Genesis;
using DaiChain.Node.Cli;
using DaiChain.Node.Keys;
using DaiChain.TestKit;

namespace DaiChain.Node.Tests.Cli;

/// <summary><c>daichain genesis ...</c> in process, on files in a temporary directory.</summary>
public sealed class GenesisCommandsTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void A_consortium_genesis_is_built_step_by_step_and_validates()
    {
        var path = _directory.Combine("genesis.json");
        Assert.Equal(ExitCodes.Success, Run("genesis", "new", "--chain-id", "consortium-1", "--genesis-time", "2026-03-01T12:00:00Z", "--out", path).ExitCode);
        Assert.Equal(ExitCodes.Failure, Run("genesis", "validate", path).ExitCode);

        for (var i = 0; i < 3; i++)
        {
            using var key = PrivateKey.FromSeed("genesis-cli-test", i);
            var added = Run("genesis", "add-validator", path, "--name", $"member-{i}", "--public-key", key.PublicKey.ToString(), "--power", "10");
            Assert.True(added.ExitCode == ExitCodes.Success, added.Error);
        }

        using var node = PrivateKey.FromSeed("genesis-cli-test/node", 0);
        Assert.Equal(ExitCodes.Success, Run("genesis", "add-node", path, "--name", "auditor", "--node-public-key", node.PublicKey.ToString(), "--role", "observer").ExitCode);
        using var user = PrivateKey.FromSeed("genesis-cli-test/user", 0);
        Assert.Equal(ExitCodes.Success, Run("genesis", "add-account", path, "--address", user.Address.ToString(), "--balance", "500", "--roles", "governor").ExitCode);

        var validated = Run("genesis", "validate", path);
        Assert.True(validated.ExitCode == ExitCodes.Success, validated.Error);
        var parsed = GenesisJson.Load(path, Program.CreateChainRules());
        Assert.Contains($"genesis hash: {parsed.Hash()}", validated.Out, StringComparison.Ordinal);
        Assert.Equal(3, parsed.Validators.Count);
        Assert.Equal(500UL, parsed.Accounts.Single().Balance);
        Assert.Equal("2026-03-01T12:00:00.000Z", GenesisJson.FormatTime(parsed.GenesisTimeMs));
    }

    [Fact]
    public void An_edit_that_breaks_a_rule_is_refused_and_leaves_the_file_unchanged()
    {
        var path = _directory.Combine("genesis.json");
        Run("genesis", "new", "--chain-id", "c", "--out", path);
        using var key = PrivateKey.FromSeed("genesis-cli-test", 0);
        Assert.Equal(ExitCodes.Success, Run("genesis", "add-validator", path, "--name", "a", "--public-key", key.PublicKey.ToString(), "--power", "1").ExitCode);
        var before = File.ReadAllText(path);

        var duplicate = Run("genesis", "add-validator", path, "--name", "b", "--public-key", key.PublicKey.ToString(), "--power", "1");
        Assert.Equal(ExitCodes.Failure, duplicate.ExitCode);
        Assert.Contains("validators[1].public_key is the same validator as validators[0]", duplicate.Error, StringComparison.Ordinal);
        Assert.Contains("the file was not changed", duplicate.Error, StringComparison.Ordinal);

        var zero = Run("genesis", "add-validator", path, "--name", "z", "--public-key", PrivateKey.FromSeed("x", 1).PublicKey.ToString(), "--power", "0");
        Assert.Contains("power is 0", zero.Error, StringComparison.Ordinal);
        var role = Run("genesis", "add-account", path, "--address", key.Address.ToString(), "--roles", "wizard");
        Assert.Contains("unknown role 'wizard'", role.Error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(path));
    }

    [Theory]
    [InlineData("--public-key", "02abcd", "--public-key: invalid public key")]
    [InlineData("--power", "-3", "--power '-3' must be a whole number")]
    public void Malformed_flags_are_usage_errors(string flag, string value, string message)
    {
        var path = _directory.Combine("genesis.json");
        Run("genesis", "new", "--chain-id", "c", "--out", path);
        string[] args = ["genesis", "add-validator", path, "--name", "a", "--public-key", PrivateKey.FromSeed("x", 0).PublicKey.ToString(), "--power", "1"];
        var at = Array.IndexOf(args, flag);
        args[at + 1] = value;
        var result = Run(args);
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void New_refuses_to_overwrite_without_force_and_writes_the_devnet()
    {
        var path = _directory.Combine("genesis.json");
        Assert.Equal(ExitCodes.Success, Run("genesis", "new", "--devnet", "--out", path).ExitCode);
        Assert.Equal(ExitCodes.Failure, Run("genesis", "new", "--devnet", "--out", path).ExitCode);
        var forced = Run("genesis", "new", "--devnet", "--out", path, "--force");
        Assert.Equal(ExitCodes.Success, forced.ExitCode);
        Assert.Contains("anyone can sign", forced.Error, StringComparison.Ordinal);
        Assert.Equal(ModelRegistry.RegistryDevnet.Genesis().Hash(), GenesisJson.Load(path, Program.CreateChainRules()).Hash());
        Assert.Equal(ExitCodes.Usage, Run("genesis", "new", "--devnet", "--chain-id", "x", "--out", _directory.Combine("other.json")).ExitCode);
    }

    [Fact]
    public void Validate_lists_every_problem()
    {
        var path = _directory.Combine("genesis.json");
        File.WriteAllText(path, """{ "chain_id": "bad id", "genesis_time": "soon", "validators": [ { "name": "", "public_key": "zz", "power": 0 } ], "extra": 1 }""");
        var result = Run("genesis", "validate", path);
        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.Contains("problems", result.Error, StringComparison.Ordinal);
        Assert.Contains("unknown field 'extra'", result.Error, StringComparison.Ordinal);
        Assert.Contains("genesis_time 'soon'", result.Error, StringComparison.Ordinal);
        Assert.Contains("validators[0].public_key 'zz'", result.Error, StringComparison.Ordinal);
    }

    private static RunResult Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var console = new CliConsole(output, error, _ => null, terminal: null);
        var code = new CommandRouter(Program.BuildCommands(new KeyStore(KeyFile.MinIterations)), console).Run(args);
        return new RunResult(code, output.ToString(), error.ToString());
    }

    private sealed record RunResult(int ExitCode, string Out, string Error);
}
