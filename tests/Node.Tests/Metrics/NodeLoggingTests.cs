using DaiChain.Node.Metrics.Logging;
using Microsoft.Extensions.Logging;

namespace DaiChain.Node.Tests.Metrics;

public sealed class NodeLoggingTests
{
    [Theory]
    [InlineData("json", LogFormat.Json)]
    [InlineData("TEXT", LogFormat.Text)]
    [InlineData(" text ", LogFormat.Text)]
    public void Parses_the_log_format_option(string value, LogFormat expected)
    {
        Assert.Equal(expected, NodeLogging.ParseFormat(value));
    }

    [Fact]
    public void Says_what_the_log_format_may_be()
    {
        var error = Assert.Throws<ArgumentException>(() => NodeLogging.ParseFormat("xml"));

        Assert.Contains("--log-format must be 'text' or 'json'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(LogFormat.Json)]
    [InlineData(LogFormat.Text)]
    public void Builds_a_factory_that_filters_framework_noise(LogFormat format)
    {
        using var factory = NodeLogging.CreateFactory(new NodeLoggingOptions { Format = format });

        Assert.True(factory.CreateLogger("DaiChain.Rpc").IsEnabled(LogLevel.Information));
        Assert.False(factory.CreateLogger("DaiChain.Rpc").IsEnabled(LogLevel.Debug));
        Assert.False(factory.CreateLogger("Microsoft.AspNetCore.Server.Kestrel").IsEnabled(LogLevel.Information));
        Assert.True(factory.CreateLogger("Microsoft.AspNetCore.Server.Kestrel").IsEnabled(LogLevel.Warning));
    }
}
