using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;

namespace RSerPool.Actors.Cluster;

/// <summary>
/// The transport-tagged endpoints of <see cref="RegistrarEndpoints"/>: <c>TRANSPORT:HOST:PORT</c> with an IPv6
/// address in brackets (<c>tcp:[fd00::1]:9901</c>); HOST is an address or a DNS name (a cluster hostname).
/// </summary>
public static class RegistrarEndpointText
{
    /// <summary>
    /// <paramref name="endPoint"/> tagged with <paramref name="transport"/>; an any-address bind (0.0.0.0, ::) is
    /// replaced by <paramref name="clusterHost"/>, the host other nodes reach this one at.
    /// </summary>
    public static string Format(string transport, IPEndPoint endPoint, string clusterHost)
    {
        ArgumentNullException.ThrowIfNull(transport);
        ArgumentNullException.ThrowIfNull(endPoint);
        ArgumentNullException.ThrowIfNull(clusterHost);
        IPAddress address = endPoint.Address.IsIPv4MappedToIPv6 ? endPoint.Address.MapToIPv4() : endPoint.Address;
        string host = address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) ? clusterHost : address.ToString();
        return string.Create(CultureInfo.InvariantCulture, $"{transport}:{Bracketed(host)}:{endPoint.Port}");
    }

    /// <summary>Splits <c>TRANSPORT:HOST:PORT</c>; false for anything else (no transport, no port, port out of range).</summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out string? transport, [NotNullWhen(true)] out string? host, out int port)
    {
        transport = null;
        host = null;
        port = 0;
        if (text is null)
        {
            return false;
        }

        int colon = text.IndexOf(':', StringComparison.Ordinal);
        int last = text.LastIndexOf(':');
        if (colon <= 0 || last <= colon + 1
            || !int.TryParse(text.AsSpan(last + 1), NumberStyles.None, CultureInfo.InvariantCulture, out port) || port > IPEndPoint.MaxPort)
        {
            return false;
        }

        string hostText = text[(colon + 1)..last];
        if (hostText.StartsWith('[') && hostText.EndsWith(']'))
        {
            hostText = hostText[1..^1];
        }
        else if (hostText.Contains(':', StringComparison.Ordinal))
        {
            return false;   // an IPv6 address without brackets
        }

        if (hostText.Length == 0)
        {
            return false;
        }

        transport = text[..colon];
        host = hostText;
        return true;
    }

    private static string Bracketed(string host) => host.Contains(':', StringComparison.Ordinal) ? $"[{host}]" : host;
}
