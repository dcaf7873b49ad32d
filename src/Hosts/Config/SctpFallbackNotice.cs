// Issue 7: where the kernel has no SCTP, a host says so once and runs on TCP only.
using RSerPool.Actors.Transport.Sctp;
using Serilog;

namespace RSerPool.Hosts.Config;

/// <summary>The one log line of a node host (server, terminal, fetch) that asked for SCTP ("sctp" or "auto") on a kernel without it.</summary>
public static class SctpFallbackNotice
{
    /// <summary>Logs why SCTP is not used when any of the node's transports wants it; returns whether it logged.</summary>
    public static bool LogIfUnavailable(ILogger logger, HoconConfig config) => LogIfUnavailable(logger, config, SctpSupport.IsAvailable, SctpSupport.Reason);

    /// <summary>The same with the kernel's answer given (for tests).</summary>
    public static bool LogIfUnavailable(ILogger logger, HoconConfig config, bool sctpAvailable, string reason)
    {
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(config);
        bool wanted = WantsSctp(config.GetString("rserpool.registrar-client.transport")) || WantsSctp(config.GetString("rserpool.server.transport"));
        if (sctpAvailable || !wanted)
        {
            return false;
        }

        logger.Information("SCTP unavailable, running on TCP only: {Reason}", reason);
        return true;
    }

    private static bool WantsSctp(string transport) =>
        transport.Trim().Equals("auto", StringComparison.OrdinalIgnoreCase) || transport.Trim().Equals("sctp", StringComparison.OrdinalIgnoreCase);
}
