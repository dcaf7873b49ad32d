using RSerPool.Actors.PoolElements;
using RSerPool.Actors.Transport.Sctp;
using RSerPool.Actors.RegistrarClient;

namespace RSerPool.Actors.Configuration;

/// <summary>
/// Reads <c>rserpool.registrar-client.transport</c> and <c>rserpool.server.transport</c>: <c>tcp</c>, <c>sctp</c>
/// (RFC 5352 §5) or <c>auto</c> (SCTP where the kernel has it, else TCP).
/// </summary>
public static class RegistrarTransportText
{
    /// <summary>ASAP over TCP (the project's framing, docs/protocol-notes.md §2).</summary>
    public const string Tcp = "tcp";

    /// <summary>ASAP over kernel SCTP (RFC 5352 §5).</summary>
    public const string Sctp = "sctp";

    /// <summary>SCTP where the kernel has it, else TCP.</summary>
    public const string Auto = "auto";

    /// <summary>The registrar connector for <paramref name="text"/>; <paramref name="sctpAvailable"/> decides "auto".</summary>
    /// <param name="key">The key or flag the text came from, named in the error.</param>
    public static IRegistrarConnector Parse(string text, bool sctpAvailable, string key)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Trim().ToLowerInvariant() switch
        {
            Tcp => TcpRegistrarConnector.Instance,
            Sctp => SctpRegistrarConnector.Instance,
            Auto => sctpAvailable ? AutoRegistrarConnector.Instance : TcpRegistrarConnector.Instance,
            _ => throw new RSerPoolConfigException(key, $"{key}: '{text}' is not a registrar transport (tcp, sctp or auto)"),
        };
    }

    /// <summary>The same with this kernel's <see cref="SctpSupport.IsAvailable"/>.</summary>
    public static IRegistrarConnector Parse(string text, string key) => Parse(text, SctpSupport.IsAvailable, key);

    /// <summary>Whether a transport text means SCTP: "sctp", or "auto" where <paramref name="sctpAvailable"/>; "tcp" does not.</summary>
    public static bool IsSctp(string text, bool sctpAvailable, string key)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Trim().ToLowerInvariant() switch
        {
            Tcp => false,
            Sctp => true,
            Auto => sctpAvailable,
            _ => throw new RSerPoolConfigException(key, $"{key}: '{text}' is not a transport (tcp, sctp or auto)"),
        };
    }

    /// <summary>Whether the text asks for SCTP at all ("sctp" or "auto"), whatever the kernel has.</summary>
    public static bool WantsSctp(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = text.Trim();
        return t.Equals(Auto, StringComparison.OrdinalIgnoreCase) || t.Equals(Sctp, StringComparison.OrdinalIgnoreCase);
    }
}
