using Microsoft.Extensions.Logging;

namespace DaiChain.Node.Metrics.Logging;

/// <summary>Console logging settings; every default is documented in docs/spec/rpc.md.</summary>
public sealed class NodeLoggingOptions
{
    /// <summary>Text (the default) or JSON lines.</summary>
    public LogFormat Format { get; init; } = LogFormat.Text;

    /// <summary>Records below this level are dropped. Default <see cref="LogLevel.Information"/>.</summary>
    public LogLevel MinimumLevel { get; init; } = LogLevel.Information;

    /// <summary>
    /// The level for ASP.NET Core's own categories (<c>Microsoft.AspNetCore.*</c>, <c>Microsoft.Hosting.*</c>).
    /// Default <see cref="LogLevel.Warning"/>: the RPC server logs what matters to an operator itself.
    /// </summary>
    public LogLevel FrameworkMinimumLevel { get; init; } = LogLevel.Warning;

    /// <summary>
    /// The bound on records queued for the console writer thread. Default 10,000; when full, a logging call
    /// waits rather than dropping the record, so the log stays complete evidence of what the node did.
    /// </summary>
    public int MaxQueuedRecords { get; init; } = 10_000;
}
