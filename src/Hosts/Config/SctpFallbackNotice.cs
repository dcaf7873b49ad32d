// Where the kernel has no SCTP, a host says so once: "auto" runs on TCP only, an explicit "sctp" is warned about (docs/interop.md).
using Akka.Configuration;
using AkkaConfig = Akka.Configuration.Config;
using Akka.Event;
using RSerPool.Actors.Configuration;
using RSerPool.Actors.Transport.Sctp;

namespace RSerPool.Hosts.Config;

/// <summary>The one log line of a node host (server, terminal, fetch) that asked for SCTP ("sctp" or "auto") on a kernel without it.</summary>
public static class SctpFallbackNotice
{
    /// <summary>Logs why SCTP is not used when any of the node's transports wants it; returns whether it logged.</summary>
    public static bool LogIfUnavailable(ILoggingAdapter log, AkkaConfig config) => LogIfUnavailable(log, config, SctpSupport.IsAvailable, SctpSupport.Reason);

    /// <summary>The same with the kernel's answer given (for tests).</summary>
    public static bool LogIfUnavailable(ILoggingAdapter log, AkkaConfig config, bool sctpAvailable, string reason)
    {
        ArgumentNullException.ThrowIfNull(log);
        if (sctpAvailable || !ServerConfig.WantsSctp(config))
        {
            return false;
        }

        // "auto" falls back to TCP; an explicit "sctp" cannot (docs/interop.md): say which setting will fail and why.
        var explicitSctp = new[] { ("rserpool.registrar-client.transport", "--registrar-transport"), ("rserpool.server.transport", "--transport") }
            .Where(setting => string.Equals(config.GetString(setting.Item1, "").Trim(), "sctp", StringComparison.OrdinalIgnoreCase))
            .Select(setting => $"{setting.Item2} sctp ({setting.Item1})")
            .ToList();
        if (explicitSctp.Count > 0)
        {
            log.Warning("SCTP unavailable: {Reason}; {Settings} cannot work on this kernel: use tcp or auto", reason, string.Join(", ", explicitSctp));
        }
        else
        {
            log.Info("SCTP unavailable, running on TCP only: {Reason}", reason);
        }

        return true;
    }
}
