using System.Net;
using System.Net.Sockets;

namespace DaiChain.EndToEnd.Tests;

/// <summary>Finds runs of consecutive free loopback ports (a devnet takes node i's port as first + i).</summary>
public static class FreePorts
{
    private static readonly Lock Gate = new();
    private static int _next = 20_000 + (Environment.ProcessId % 200 * 100);

    public static int Run(int count)
    {
        lock (Gate)
        {
            for (var attempt = 0; attempt < 200; attempt++)
            {
                var first = _next;
                _next += count + 5;
                if (_next > 60_000)
                {
                    _next = 20_000;
                }

                if (Enumerable.Range(first, count).All(IsFree))
                {
                    return first;
                }
            }

            throw new InvalidOperationException($"no run of {count} free loopback ports found");
        }
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            listener.Stop();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
