using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;

namespace RSerPool.Actors.Configuration;

/// <summary>
/// Reads endpoints as RSPLIB's options write them: <c>HOST:PORT</c>, <c>[v6]:PORT</c>, or an address alone (the
/// default port); address literals only. In HOCON such a value must be quoted (<c>asap = "127.0.0.1:3863"</c>).
/// </summary>
public static class EndPointText
{
    /// <summary>Parses <paramref name="text"/>; false when it is not an address with an optional port of 0-65535.</summary>
    public static bool TryParse(string text, int defaultPort, [NotNullWhen(true)] out IPEndPoint? endPoint)
    {
        ArgumentNullException.ThrowIfNull(text);
        endPoint = null;
        var s = text.Trim();
        string host;
        string? port = null;
        if (s.StartsWith('['))
        {
            int close = s.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                return false;
            }

            host = s[1..close];
            if (close + 1 < s.Length)
            {
                if (s[close + 1] != ':')
                {
                    return false;
                }

                port = s[(close + 2)..];
            }
        }
        else if (s.Count(c => c == ':') == 1)
        {
            int colon = s.IndexOf(':', StringComparison.Ordinal);
            host = s[..colon];
            port = s[(colon + 1)..];
        }
        else
        {
            host = s;
        }

        // IPAddress.TryParse also takes inet_aton's short forms ("1.2.3" is 1.2.0.3, "10" is 0.0.0.10): an IPv4
        // address must be written as four decimal octets.
        if (!IPAddress.TryParse(host, out var address) || (!host.Contains(':', StringComparison.Ordinal) && !IsDottedQuad(host)))
        {
            return false;
        }

        int portNumber = defaultPort;
        if (port is not null && (!int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out portNumber) || portNumber > 65535))
        {
            return false;
        }

        endPoint = new IPEndPoint(address, portNumber);
        return true;
    }

    private static bool IsDottedQuad(string host)
    {
        var octets = host.Split('.');
        return octets.Length == 4 && octets.All(o => o.Length is >= 1 and <= 3 && o.All(char.IsAsciiDigit)
            && int.Parse(o, NumberStyles.None, CultureInfo.InvariantCulture) <= 255);
    }

    /// <summary>Parses <paramref name="text"/> or throws <see cref="RSerPoolConfigException"/> naming <paramref name="key"/> (a key or a flag).</summary>
    public static IPEndPoint Parse(string text, int defaultPort, string key) =>
        TryParse(text, defaultPort, out var endPoint)
            ? endPoint
            : throw new RSerPoolConfigException(key, $"{key}: '{text}' is not an address:port (an IPv4 address of four octets or an [IPv6] address, e.g. 0.0.0.0:3863 or [::1]:3863)");
}
