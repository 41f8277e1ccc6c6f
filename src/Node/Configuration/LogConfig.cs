namespace DaiChain.Node.Configuration;

/// <summary>The <c>log</c> section.</summary>
public sealed class LogConfig
{
    /// <summary>text or json (one JSON object per line).</summary>
    public string Format { get; set; } = "text";

    /// <summary>trace, debug, information, warning, error or critical.</summary>
    public string Level { get; set; } = "information";
}
