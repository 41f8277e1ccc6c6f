using System.Diagnostics;

namespace DaiChain.EndToEnd.Tests;

/// <summary>The <c>daichain</c> executable built next to the tests, run as <c>dotnet daichain.dll</c>.</summary>
public static class Daichain
{
    public static string Dll => Path.Combine(AppContext.BaseDirectory, "daichain.dll");

    /// <summary>The dotnet host: the one running the tests, else the one on PATH.</summary>
    public static string DotnetHost =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host
        : Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path
        : "dotnet";

    public static IReadOnlyList<string> Command => [DotnetHost, Dll];

    /// <summary>Runs a CLI command to completion (bounded) and returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(DotnetHost) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Dll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"daichain {string.Join(' ', arguments)} did not finish in time");
        }

        return (process.ExitCode, await output, await error);
    }

    /// <summary>Runs a CLI command and fails the test unless it exits with 0.</summary>
    public static async Task<string> RunOkAsync(IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var list = arguments.ToList();
        var (code, output, error) = await RunAsync(list, environment);
        Assert.True(code == 0, $"daichain {string.Join(' ', list)} exited with {code}: {error}{output}");
        return output;
    }
}
