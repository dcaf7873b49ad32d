using RSerPool.Actors.PoolElements;
using RSerPool.Actors.Transport.Sctp;

namespace RSerPool.Hosts.Config;

/// <summary>rserpool.registrar-client.transport: tcp, sctp or auto (SCTP where the kernel has it, RFC 5352 §5).</summary>
public static class RegistrarTransportText
{
    public const string Tcp = "tcp";
    public const string Sctp = "sctp";
    public const string Auto = "auto";

    /// <summary>The connector for <paramref name="text"/>; <paramref name="sctpAvailable"/> decides "auto".</summary>
    public static IRegistrarConnector Parse(string text, bool sctpAvailable, string source) => text.Trim().ToLowerInvariant() switch
    {
        Tcp => TcpRegistrarConnector.Instance,
        Sctp => SctpRegistrarConnector.Instance,
        Auto => sctpAvailable ? AutoRegistrarConnector.Instance : TcpRegistrarConnector.Instance,
        _ => throw new HoconException($"{source}: '{text}' is not a registrar transport (tcp, sctp or auto)"),
    };

    /// <summary>Whether a PE's user transport is SCTP: "sctp" (or "auto" where the kernel has SCTP) versus "tcp".</summary>
    public static bool IsSctp(string text, bool sctpAvailable, string source) => text.Trim().ToLowerInvariant() switch
    {
        Tcp => false,
        Sctp => true,
        Auto => sctpAvailable,
        _ => throw new HoconException($"{source}: '{text}' is not a transport (tcp, sctp or auto)"),
    };

    /// <summary>The same with this kernel's <see cref="SctpSupport.IsAvailable"/>.</summary>
    public static IRegistrarConnector Parse(string text, string source) => Parse(text, SctpSupport.IsAvailable, source);
}
