using System.Globalization;

namespace DaiChain.Node.P2P;

/// <summary>
/// Where to dial a peer and which node key must answer there: <c>&lt;peer id hex&gt;@&lt;host&gt;:&lt;port&gt;</c>.
/// </summary>
/// <remarks>A dial that reaches a node with another key fails the handshake, so an address cannot be hijacked by a different node.</remarks>
public sealed record PeerAddress(PeerId Id, string Host, int Port)
{
    public static PeerAddress Parse(string text)
    {
        if (!TryParse(text, out var address))
        {
            throw new FormatException($"'{text}' is not a peer address; expected <66 hex digits of the node key>@<host>:<port>");
        }

        return address;
    }

    public static bool TryParse(string? text, out PeerAddress address)
    {
        address = null!;
        if (text is null)
        {
            return false;
        }

        var at = text.IndexOf('@', StringComparison.Ordinal);
        var colon = text.LastIndexOf(':');
        if (at <= 0 || colon <= at + 1 || colon == text.Length - 1)
        {
            return false;
        }

        if (!PeerId.TryParse(text[..at], out var id))
        {
            return false;
        }

        var host = text[(at + 1)..colon];
        if (host.StartsWith('[') && host.EndsWith(']'))
        {
            host = host[1..^1];
        }

        if (!int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            return false;
        }

        address = new PeerAddress(id, host, port);
        return true;
    }

    public override string ToString() => $"{Id}@{(Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]" : Host)}:{Port.ToString(CultureInfo.InvariantCulture)}";
}
