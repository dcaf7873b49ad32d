using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;

namespace RSerPool.Actors.Cluster;

/// <summary>An Akka.Remote endpoint as the flags write it: <c>HOST:PORT</c> or <c>[v6]:PORT</c>, HOST an address or a DNS name.</summary>
public sealed record ClusterHostPort(string Host, int Port)
{
    public static bool TryParse(string? text, [NotNullWhen(true)] out ClusterHostPort? hostPort)
    {
        hostPort = null;
        string s = text?.Trim() ?? "";
        int last = s.LastIndexOf(':');
        if (last <= 0 || !int.TryParse(s.AsSpan(last + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int port) || port > IPEndPoint.MaxPort)
        {
            return false;
        }

        string host = s[..last];
        if (host.StartsWith('[') && host.EndsWith(']'))
        {
            host = host[1..^1];
        }
        else if (host.Contains(':', StringComparison.Ordinal))
        {
            return false;
        }

        if (host.Length == 0 || host.Any(char.IsWhiteSpace))
        {
            return false;
        }

        hostPort = new ClusterHostPort(host, port);
        return true;
    }

    /// <summary>The host as Akka.Remote and akka.tcp:// addresses write it (an IPv6 address in brackets).</summary>
    public string UriHost => Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]" : Host;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{UriHost}:{Port}");
}
