using System.Diagnostics;

namespace DaiChain.EndToEnd.Tests;

/// <summary>Polls a condition with a deadline; every wait in these tests is bounded.</summary>
public static class Eventually
{
    public static async Task<T> Get<T>(Func<Task<T?>> probe, string what, TimeSpan timeout)
        where T : class
    {
        var clock = Stopwatch.StartNew();
        Exception? last = null;
        while (clock.Elapsed < timeout)
        {
            try
            {
                if (await probe() is { } value)
                {
                    return value;
                }
            }
            catch (Exception e) when (e is HttpRequestException or Node.RpcClient.JsonRpcCallException or TaskCanceledException)
            {
                last = e;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"timed out after {timeout.TotalSeconds:0} s waiting for {what}{(last is null ? string.Empty : $" (last error: {last.Message})")}");
        return null!;
    }

    public static async Task True(Func<Task<bool>> probe, string what, TimeSpan timeout) =>
        await Get(async () => await probe() ? string.Empty : null, what, timeout);
}
