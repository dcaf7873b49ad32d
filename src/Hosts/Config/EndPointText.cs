using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;

namespace RSerPool.Hosts.Config;

/// <summary>Parses "HOST:PORT", "[v6]:PORT" and "v6-literal" forms as RSPLIB's options take them (address literals only).</summary>
public static class EndPointText
{
    public static bool TryParse(string text, int defaultPort, [NotNullWhen(true)] out IPEndPoint? endPoint)
    {
        endPoint = null;
        var s = text.Trim();
        string host;
        string? port = null;
        if (s.StartsWith('['))
        {
            int close = s.IndexOf(']');
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
            int colon = s.IndexOf(':');
            host = s[..colon];
            port = s[(colon + 1)..];
        }
        else
        {
            host = s;
        }
        if (!IPAddress.TryParse(host, out var address))
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

    public static IPEndPoint Parse(string text, int defaultPort, string what) =>
        TryParse(text, defaultPort, out var endPoint)
            ? endPoint
            : throw new HoconException($"{what}: '{text}' is not an address:port (e.g. 0.0.0.0:3863 or [::1]:3863)");
}
