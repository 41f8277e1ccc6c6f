using System.Diagnostics;
using DaiChain.Node.Cli;
using DaiChain.Node.Keys;

namespace DaiChain.Node.Tests.Audit;

/// <summary>Runs <c>daichain</c> in process (the production command tree) or as a child process (the real binary).</summary>
internal static class AuditCli
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    public static CliResult Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var console = new CliConsole(output, error, _ => null, terminal: null);
        var code = new CommandRouter(Program.BuildCommands(new KeyStore(KeyFile.MinIterations)), console).Run(args);
        return new CliResult(code, output.ToString(), error.ToString());
    }

    /// <summary><c>dotnet daichain.dll args</c> in <paramref name="workingDirectory"/>.</summary>
    public static CliResult RunProcess(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "daichain.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

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

        return new CliResult(process.ExitCode, output.Result, error.Result);
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

internal sealed record CliResult(int ExitCode, string Out, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n{Out}\n{Error}";
}
