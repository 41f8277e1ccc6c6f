using System.Diagnostics;
using DaiChain.TestKit;

namespace DaiChain.Node.Tests.Cli;

/// <summary>The real <c>daichain</c> executable, run as a child process (<c>dotnet daichain.dll ...</c>) with the production key derivation.</summary>
public sealed class ProgramTests : IDisposable
{
    private const string Password = "correct horse battery staple";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Keys_new_and_keys_show_agree_on_the_identity()
    {
        var path = _directory.Combine("validator.json");
        var created = Daichain(["keys", "new", "--out", path, "--password-env", "DAICHAIN_TEST_PASSWORD"]);
        Assert.True(created.ExitCode == 0, created.Error);
        Assert.Empty(created.Error);
        var address = Field(created.Out, "address");
        Assert.Matches("^0x[0-9a-f]{40}$", address);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }

        var shown = Daichain(["keys", "show", path]);
        Assert.Equal(0, shown.ExitCode);
        Assert.Equal(address, Field(shown.Out, "address"));
        Assert.Equal(Field(created.Out, "public key"), Field(shown.Out, "public key"));
        Assert.Contains("600000 iterations", shown.Out, StringComparison.Ordinal);

        var verified = Daichain(["keys", "show", path, "--password-env", "DAICHAIN_TEST_PASSWORD"]);
        Assert.Equal(0, verified.ExitCode);
        Assert.Contains("password:   ok", verified.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_usage_error_exits_2_with_one_error_line_on_stderr()
    {
        var result = Daichain(["keys", "new", "--out", _directory.Combine("k.json"), "--pasword-env", "X"]);
        Assert.Equal(2, result.ExitCode);
        Assert.Empty(result.Out);
        Assert.Equal(
            "error: unknown flag '--pasword-env' for 'daichain keys new' (see 'daichain keys new --help')",
            Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
    }

    [Fact]
    public void A_wrong_password_exits_1_without_a_stack_trace()
    {
        var path = _directory.Combine("k.json");
        Assert.Equal(0, Daichain(["keys", "new", "--out", path, "--password-env", "DAICHAIN_TEST_PASSWORD"]).ExitCode);
        var result = Daichain(["keys", "show", path, "--password-env", "DAICHAIN_TEST_WRONG"]);
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("error: wrong password or corrupted key file\n", result.Error.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void No_command_is_a_usage_error_and_help_succeeds()
    {
        Assert.Equal(2, Daichain([]).ExitCode);
        var help = Daichain(["--help"]);
        Assert.Equal(0, help.ExitCode);
        Assert.Contains("keys", help.Out, StringComparison.Ordinal);
    }

    private static string Field(string output, string name) =>
        output.Split('\n').Single(l => l.StartsWith(name + ":", StringComparison.Ordinal))[(name.Length + 1)..].Trim();

    private static (int ExitCode, string Out, string Error) Daichain(string[] args)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "daichain.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DAICHAIN_TEST_PASSWORD"] = Password;
        start.Environment["DAICHAIN_TEST_WRONG"] = "not the password";
        start.Environment.Remove("DAICHAIN_TRACE");

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"daichain {string.Join(' ', args)} did not exit within {Timeout}");
        }

        return (process.ExitCode, output.Result, error.Result);
    }

    // The SDK's test runner sets DOTNET_HOST_PATH; otherwise use the host running these tests, or 'dotnet' on PATH.
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
