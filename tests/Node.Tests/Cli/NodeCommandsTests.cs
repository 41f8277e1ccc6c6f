using System.Diagnostics;
using DaiChain.TestKit;

namespace DaiChain.Node.Tests.Cli;

/// <summary><c>daichain init</c> and <c>daichain run</c> as a user meets them: the real executable, its exit codes and sentences.</summary>
public sealed class NodeCommandsTests : IDisposable
{
    private const string Password = "correct horse battery staple";
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Init_creates_a_home_and_refuses_to_overwrite_it()
    {
        var (genesis, key) = GenesisAndKey();
        var home = _directory.Combine("home");

        var created = Daichain(["init", "--home", home, "--genesis", genesis, "--node-key", key, "--mode", "audit", "--password-env", "DAICHAIN_TEST_PASSWORD"]);

        Assert.True(created.ExitCode == 0, created.Error);
        Assert.Contains("mode:      audit", created.Out, StringComparison.Ordinal);
        Assert.Contains("not in the genesis node registry", created.Error, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(home, "config.json")));
        Assert.True(File.Exists(Path.Combine(home, "genesis.json")));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(home, "keys", "node.key")));
        }

        var again = Daichain(["init", "--home", home, "--genesis", genesis, "--node-key", key]);
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("already exists; pass --force", again.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_refuses_a_config_with_an_unknown_setting_in_one_sentence()
    {
        var (genesis, key) = GenesisAndKey();
        var home = _directory.Combine("home");
        Assert.Equal(0, Daichain(["init", "--home", home, "--genesis", genesis, "--node-key", key, "--password-env", "DAICHAIN_TEST_PASSWORD"]).ExitCode);
        var config = Path.Combine(home, "config.json");
        File.WriteAllText(config, File.ReadAllText(config).Replace("\"moniker\"", "\"monicker\"", StringComparison.Ordinal));

        var result = Daichain(["run", "--home", home]);

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.Contains("monicker", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_without_the_key_password_says_which_variable_to_set()
    {
        var (genesis, key) = GenesisAndKey();
        var home = _directory.Combine("home");
        Assert.Equal(0, Daichain(["init", "--home", home, "--genesis", genesis, "--node-key", key, "--password-env", "DAICHAIN_TEST_UNSET"]).ExitCode);

        var result = Daichain(["run", "--home", home]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("DAICHAIN_TEST_UNSET", result.Error, StringComparison.Ordinal);
    }

    private (string Genesis, string Key) GenesisAndKey()
    {
        var genesis = _directory.Combine("genesis.json");
        var key = _directory.Combine("node.key");
        Assert.Equal(0, Daichain(["genesis", "new", "--devnet", "--out", genesis]).ExitCode);
        Assert.Equal(0, Daichain(["keys", "new", "--out", key, "--password-env", "DAICHAIN_TEST_PASSWORD"]).ExitCode);
        return (genesis, key);
    }

    private static (int ExitCode, string Out, string Error) Daichain(string[] args)
    {
        var start = new ProcessStartInfo(DotnetHost()) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "daichain.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DAICHAIN_TEST_PASSWORD"] = Password;
        start.Environment.Remove("DAICHAIN_TEST_UNSET");
        start.Environment.Remove("DAICHAIN_PASSWORD");
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"daichain {string.Join(' ', args)} did not exit in time");
        }

        return (process.ExitCode, output.Result, error.Result);
    }

    private static string DotnetHost()
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(host) && File.Exists(host))
        {
            return host;
        }

        var current = Environment.ProcessPath;
        return current is not null && Path.GetFileNameWithoutExtension(current) == "dotnet" ? current : "dotnet";
    }
}
