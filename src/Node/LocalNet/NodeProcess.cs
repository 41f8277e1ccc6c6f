using System.Diagnostics;
using System.Globalization;

namespace DaiChain.Node.LocalNet;

/// <summary>
/// A <c>daichain run</c> child process with its output appended to a log file. Stopped with SIGTERM (the node
/// shuts down cleanly), or killed when it does not exit in time.
/// </summary>
public sealed class NodeProcess : IDisposable
{
    private readonly Process _process;

    private NodeProcess(Process process, string logFile)
    {
        _process = process;
        LogFile = logFile;
    }

    public int Id => _process.Id;

    public string LogFile { get; }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>The command that runs this very executable: the apphost, or <c>dotnet daichain.dll</c>.</summary>
    public static IReadOnlyList<string> SelfCommand()
    {
        var host = Environment.ProcessPath ?? throw new InvalidOperationException("the path of this process is unknown");
        var assembly = typeof(NodeProcess).Assembly.Location;
        return string.Equals(Path.GetFileNameWithoutExtension(host), "dotnet", StringComparison.Ordinal) ? [host, assembly] : [host];
    }

    /// <summary>Starts <paramref name="command"/> (program and arguments) with output appended to <paramref name="logFile"/>.</summary>
    public static NodeProcess Start(IReadOnlyList<string> command, string logFile, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("exec \"$0\" \"$@\" >>\"$DAICHAIN_NODE_LOG\" 2>&1 </dev/null");
        foreach (var word in command)
        {
            start.ArgumentList.Add(word);
        }

        start.Environment["DAICHAIN_NODE_LOG"] = logFile;
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {command[0]}");
        return new NodeProcess(process, logFile);
    }

    /// <summary>Sends SIGTERM (a clean stop).</summary>
    public void Terminate()
    {
        if (HasExited)
        {
            return;
        }

        using var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", Id.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false });
        kill?.WaitForExit(5_000);
    }

    /// <summary>SIGKILL: the process dies at once, as in a crash.</summary>
    public void Kill()
    {
        if (!HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
    }

    /// <summary>Waits for the exit; false when <paramref name="timeout"/> passed first.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>SIGTERM, then SIGKILL if it has not exited within <paramref name="grace"/>.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        Terminate();
        if (!await WaitForExitAsync(grace).ConfigureAwait(false))
        {
            Kill();
            await WaitForExitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        }
    }

    public void Dispose() => _process.Dispose();
}
