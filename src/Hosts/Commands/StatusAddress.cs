using RSerPool.Actors.Configuration;

namespace RSerPool.Hosts.Commands;

/// <summary>The <c>--status</c> of <c>rserpool monitor</c>: <c>HOST:PORT</c> (as the registrar's own <c>--status</c> takes it) or an http URL.</summary>
public static class StatusAddress
{
    /// <summary>The endpoint's base URL (ending in "/"); a clear error naming <paramref name="flag"/> when <paramref name="text"/> is neither form.</summary>
    public static Uri Parse(string text, string flag)
    {
        ArgumentNullException.ThrowIfNull(text);
        string url = text.Contains("://", StringComparison.Ordinal) ? text : "http://" + text;
        if (!Uri.TryCreate(url, UriKind.Absolute, out Uri? address) || address.Scheme is not ("http" or "https") || address.Host.Length == 0
            || (!text.Contains("://", StringComparison.Ordinal) && (address.IsDefaultPort || address.AbsolutePath != "/")))
        {
            throw new RSerPoolConfigException(flag, $"{flag}: '{text}' is neither HOST:PORT nor an http://HOST:PORT URL");
        }

        return address.AbsolutePath.EndsWith('/') ? address : new Uri(address.GetLeftPart(UriPartial.Path) + "/");
    }
}
