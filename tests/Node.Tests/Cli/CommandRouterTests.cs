using DaiChain.Ledger.Native;
using DaiChain.Node.Cli;
using DaiChain.Node.Keys;
using DaiChain.TestKit;

namespace DaiChain.Node.Tests.Cli;

/// <summary>The router and the keys commands in process, with a cheap key derivation and a scripted console.</summary>
public sealed class CommandRouterTests : IDisposable
{
    private const string Password = "correct horse battery staple";

    private readonly TemporaryDirectory _directory = new();
    private readonly Dictionary<string, string> _environment = new(StringComparer.Ordinal) { ["PW"] = Password };

    public void Dispose() => _directory.Dispose();

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("keys --help")]
    [InlineData("keys new --help")]
    [InlineData("keys new --out x.json -h")]
    [InlineData("keys show --help")]
    [InlineData("keys show --bogus --help")]
    public void Help_is_available_at_every_level(string commandLine)
    {
        var result = Run(commandLine);
        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("usage: daichain", result.Out, StringComparison.Ordinal);
        Assert.Empty(result.Error);
    }

    [Fact]
    public void Command_help_lists_flags_and_arguments()
    {
        var help = Run("keys show --help").Out;
        Assert.Contains("usage: daichain keys show [--password-env VAR] [--verify] FILE", help, StringComparison.Ordinal);
        Assert.Contains("--password-env VAR", help, StringComparison.Ordinal);
        Assert.Contains("-h, --help", help, StringComparison.Ordinal);
        Assert.Contains("new", Run("keys --help").Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "'daichain' needs a command")]
    [InlineData("frobnicate", "unknown command 'frobnicate' for 'daichain'")]
    [InlineData("keys", "'daichain keys' needs a command")]
    [InlineData("keys delete", "unknown command 'delete' for 'daichain keys'")]
    [InlineData("--verbose keys", "unknown flag '--verbose' for 'daichain'")]
    [InlineData("keys new", "'daichain keys new' needs --out FILE")]
    [InlineData("keys new --out", "flag '--out' needs a value")]
    [InlineData("keys new --out --password-env PW", "flag '--out' needs a value")]
    [InlineData("keys new --out=", "flag '--out' needs a non-empty value")]
    [InlineData("keys new --out a --out b", "flag '--out' is given twice")]
    [InlineData("keys new --out a --bogus", "unknown flag '--bogus' for 'daichain keys new'")]
    [InlineData("keys new --out a -x", "unknown flag '-x' for 'daichain keys new'")]
    [InlineData("keys new --out a extra", "unexpected argument 'extra' for 'daichain keys new'")]
    [InlineData("keys show", "'daichain keys show' needs argument FILE")]
    [InlineData("keys show a b", "unexpected argument 'b'")]
    [InlineData("keys show a --verify=yes", "flag '--verify' takes no value")]
    public void Usage_errors_exit_2_with_one_error_line(string commandLine, string message)
    {
        var result = Run(commandLine);
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Empty(result.Out);
        var line = Assert.Single(Lines(result.Error));
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.Contains(message, line, StringComparison.Ordinal);
    }

    [Fact]
    public void Keys_new_then_show_prints_the_same_identity()
    {
        var path = _directory.Combine("validator.json");
        var created = Run($"keys new --out {path} --password-env PW");
        Assert.Equal(ExitCodes.Success, created.ExitCode);
        Assert.Empty(created.Error);

        var shown = Run($"keys show {path}");
        Assert.Equal(ExitCodes.Success, shown.ExitCode);
        Assert.Equal(Field(created.Out, "address"), Field(shown.Out, "address"));
        Assert.Equal(Field(created.Out, "public key"), Field(shown.Out, "public key"));
        Assert.DoesNotContain("password:", shown.Out, StringComparison.Ordinal);

        var verified = Run($"keys show --password-env PW {path}");
        Assert.Equal(ExitCodes.Success, verified.ExitCode);
        Assert.Contains("password:   ok", verified.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Flag_values_may_be_joined_with_an_equals_sign_and_flags_end_at_a_double_dash()
    {
        var path = _directory.Combine("k.json");
        Assert.Equal(ExitCodes.Success, Run($"keys new --out={path} --password-env=PW").ExitCode);
        Assert.Equal(ExitCodes.Success, Run($"keys show -- {path}").ExitCode);
    }

    [Fact]
    public void Keys_new_prompts_twice_on_a_terminal()
    {
        var terminal = new ScriptedTerminal(Password, Password);
        var result = Run($"keys new --out {_directory.Combine("k.json")}", terminal);
        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Equal(["Password: ", "Repeat password: "], terminal.Prompts);
    }

    [Fact]
    public void Mismatched_prompted_passwords_fail_without_writing_a_file()
    {
        var path = _directory.Combine("k.json");
        var result = Run($"keys new --out {path}", new ScriptedTerminal(Password, Password + "!"));
        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.Equal("error: the passwords do not match", Assert.Single(Lines(result.Error)));
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void Keys_show_verify_prompts_once_on_a_terminal()
    {
        var path = _directory.Combine("k.json");
        Run($"keys new --out {path} --password-env PW");
        var terminal = new ScriptedTerminal(Password);
        Assert.Equal(ExitCodes.Success, Run($"keys show --verify {path}", terminal).ExitCode);
        Assert.Equal(["Password: "], terminal.Prompts);
    }

    [Fact]
    public void Without_a_variable_or_a_terminal_the_password_is_a_usage_error()
    {
        var result = Run($"keys new --out {_directory.Combine("k.json")}");
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("no password: pass --password-env VAR", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unset_password_variable_is_a_failure()
    {
        var result = Run($"keys new --out {_directory.Combine("k.json")} --password-env NOPE");
        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.Equal("error: environment variable 'NOPE' is not set", Assert.Single(Lines(result.Error)));
    }

    [Fact]
    public void A_short_new_password_is_refused()
    {
        _environment["SHORT"] = "1234567";
        var result = Run($"keys new --out {_directory.Combine("k.json")} --password-env SHORT");
        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.Contains("at least 8 characters", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Keys_new_refuses_an_existing_file()
    {
        var path = _directory.Combine("k.json");
        File.WriteAllText(path, "{}");
        var result = Run($"keys new --out {path} --password-env PW");
        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.Contains("already exists; refusing to overwrite it", result.Error, StringComparison.Ordinal);
        Assert.Equal("{}", File.ReadAllText(path));
    }

    [Fact]
    public void Keys_show_reports_a_wrong_password_and_a_corrupt_file_in_one_line()
    {
        var path = _directory.Combine("k.json");
        Run($"keys new --out {path} --password-env PW");
        _environment["WRONG"] = "not the password";
        var wrong = Run($"keys show {path} --password-env WRONG");
        Assert.Equal(ExitCodes.Failure, wrong.ExitCode);
        Assert.Equal("error: wrong password or corrupted key file", Assert.Single(Lines(wrong.Error)));

        File.WriteAllText(path, File.ReadAllText(path).Replace("\"version\": 1", "\"version\": 7", StringComparison.Ordinal));
        var newer = Run($"keys show {path}");
        Assert.Equal(ExitCodes.Failure, newer.ExitCode);
        Assert.Equal("error: unsupported key file version 7", Assert.Single(Lines(newer.Error)));
    }

    [Fact]
    public void Any_failure_in_a_command_is_one_line_and_exit_1_unless_tracing()
    {
        var root = new CommandGroup("daichain", "test", [new ThrowingCommand()]);
        var quiet = Run("fail", root: root);
        Assert.Equal(ExitCodes.Failure, quiet.ExitCode);
        Assert.Equal($"error: {ThrowingCommand.Message}", Assert.Single(Lines(quiet.Error)));

        _environment["DAICHAIN_TRACE"] = "1";
        var traced = Run("fail", root: root);
        Assert.Contains("at DaiChain.Node.Tests.Cli", traced.Error, StringComparison.Ordinal);
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    private static string Field(string output, string name) =>
        Lines(output).Single(l => l.StartsWith(name + ":", StringComparison.Ordinal))[(name.Length + 1)..].Trim();

    private RunResult Run(string commandLine, ITerminal? terminal = null, CommandGroup? root = null)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var console = new CliConsole(output, error, name => _environment.GetValueOrDefault(name), terminal);
        var router = new CommandRouter(root ?? Program.BuildCommands(new KeyStore(KeyFile.MinIterations)), console);
        var args = commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var code = router.Run(args);
        return new RunResult(code, output.ToString(), error.ToString());
    }

    private sealed record RunResult(int ExitCode, string Out, string Error);

    private sealed class ThrowingCommand : Command
    {
        public const string Message = "native library libexample.so.1 not found: install it with 'apt-get install libexample1' (or run scripts/setup)";

        public override string Name => "fail";

        public override string Summary => "always fails";

        public override int Execute(CommandInput input, CliConsole console) =>
            throw new NativeLibraryMissingException("libexample.so.1", "libexample1");
    }
}
