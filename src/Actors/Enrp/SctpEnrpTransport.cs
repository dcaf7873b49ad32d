// ENRP over kernel SCTP (RFC 5353 §3.1 and §5.4: SCTP, PPID 12), what RSPLIB's rspregistrar speaks on port 9901.
using System.Net;
using Akka.Actor;
using RSerPool.Actors.Transport;
using RSerPool.Actors.Transport.Sctp;
using RSerPool.Wire.Messages.Enrp;

namespace RSerPool.Actors.Enrp;

/// <summary>
/// ENRP associations over SCTP: <see cref="SctpListenerActor{TMessage}"/> and <see cref="OutboundSctpAssociationActor"/>
/// with <see cref="EnrpSettings.Sctp"/> (default <see cref="SctpSettings.Enrp"/>). Where the kernel has no SCTP the listener reports <see cref="BindFailed"/>
/// with <see cref="SctpSupport.Reason"/> and outbound associations stop at once.
/// </summary>
public sealed class SctpEnrpTransport : IEnrpTransport
{
    public static SctpEnrpTransport Instance { get; } = new();

    /// <summary>Longest wait for one outbound SCTP handshake (default 5 s, as the TCP transport).</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Whether outbound associations leave from the configured ENRP endpoint (default true; only when its port is not 0):
    /// RSPLIB takes a Presence only if its Server Information names the association's remote address and port.
    /// </summary>
    public bool ConnectFromEnrpPort { get; init; } = true;

    /// <summary>An association from a peer's ENRP port is that pair's one association (both ends bound to their ENRP ports).</summary>
    public bool SharesAssociations => true;

    public string Name => "sctp";

    public string? UnavailableReason => SctpSupport.IsAvailable ? null : SctpSupport.Reason;

    public IActorRef Listen(IActorContext context, IPEndPoint endPoint, IActorRef handler, EnrpWireCodec codec, EnrpSettings settings, string name)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(settings);
        return context.ActorOf(SctpListenerActor<EnrpMessage>.Props(endPoint, handler, codec, settings.Association, settings.Sctp, settings.MaxAssociations), name);
    }

    public IActorRef Connect(IActorContext context, IPEndPoint remote, IActorRef handler, EnrpWireCodec codec, EnrpSettings settings, string name)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(settings);
        return context.ActorOf(OutboundSctpAssociationActor.Props(remote, handler, codec, settings.Association, settings.Sctp,
            settings.MaxQueuedWhileConnecting, ConnectTimeout, ConnectFromEnrpPort && settings.EndPoint.Port != 0 ? settings.EndPoint : null), name);
    }
}
