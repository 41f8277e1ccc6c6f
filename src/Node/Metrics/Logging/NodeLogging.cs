using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace DaiChain.Node.Metrics.Logging;

/// <summary>
/// Builds the node's <see cref="ILoggerFactory"/>: Microsoft.Extensions.Logging to the console, as text or
/// JSON lines, UTC ISO-8601 timestamps, scopes included (the RPC server puts the correlation id in a scope).
/// </summary>
public static class NodeLogging
{
    /// <summary>Parses the value of <c>--log-format</c>.</summary>
    /// <exception cref="ArgumentException">The value is neither <c>text</c> nor <c>json</c>; the message says so.</exception>
    public static LogFormat ParseFormat(string value) => value.Trim().ToUpperInvariant() switch
    {
        "TEXT" => LogFormat.Text,
        "JSON" => LogFormat.Json,
        _ => throw new ArgumentException($"--log-format must be 'text' or 'json', not '{value}'", nameof(value)),
    };

    /// <summary>A logger factory writing to standard output; the caller owns and disposes it.</summary>
    public static ILoggerFactory CreateFactory(NodeLoggingOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxQueuedRecords);
        return LoggerFactory.Create(logging =>
        {
            logging.SetMinimumLevel(options.MinimumLevel);
            logging.AddFilter("Microsoft.AspNetCore", options.FrameworkMinimumLevel);
            logging.AddFilter("Microsoft.Hosting", options.FrameworkMinimumLevel);
            logging.AddFilter("Microsoft.Extensions.Hosting", options.FrameworkMinimumLevel);
            logging.AddConsole(console =>
            {
                console.FormatterName = options.Format == LogFormat.Json ? ConsoleFormatterNames.Json : ConsoleFormatterNames.Simple;
                console.MaxQueueLength = options.MaxQueuedRecords;
                console.QueueFullMode = ConsoleLoggerQueueFullMode.Wait;
            });
            if (options.Format == LogFormat.Json)
            {
                logging.AddJsonConsole(json =>
                {
                    json.IncludeScopes = true;
                    json.UseUtcTimestamp = true;
                    json.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
                });
            }
            else
            {
                logging.AddSimpleConsole(text =>
                {
                    text.IncludeScopes = true;
                    text.SingleLine = true;
                    text.UseUtcTimestamp = true;
                    text.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z' ";
                });
            }
        });
    }
}
