namespace DaiChain.Node.Metrics.Logging;

/// <summary>How the console logger writes records (<c>--log-format text|json</c>).</summary>
public enum LogFormat
{
    /// <summary>One human-readable line per record.</summary>
    Text,

    /// <summary>One JSON object per line, with the message template's values and scopes as properties.</summary>
    Json,
}
