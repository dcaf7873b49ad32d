// ENRP over TCP with the ASAP stream framing (docs/protocol-notes.md §2; SCTP comes with the SCTP issue).
using System.Net;
using Akka.Actor;
using RSerPool.Actors.Transport;
using RSerPool.Wire.Messages.Enrp;

namespace RSerPool.Actors.Enrp;

/// <summary>ENRP associations over TCP: <see cref="TcpListenerActor{TMessage}"/> and <see cref="OutboundTcpAssociationActor"/>.</summary>
public sealed class TcpEnrpTransport : IEnrpTransport
{
    public static TcpEnrpTransport Instance { get; } = new();

    public string Name => "tcp";

    public IActorRef Listen(IActorContext context, IPEndPoint endPoint, IActorRef handler, EnrpWireCodec codec, EnrpSettings settings, string name)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(settings);
        return context.ActorOf(TcpListenerActor<EnrpMessage>.Props(endPoint, handler, codec, settings.Association, settings.MaxAssociations), name);
    }

    public IActorRef Connect(IActorContext context, IPEndPoint remote, IActorRef handler, EnrpWireCodec codec, EnrpSettings settings, string name)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(settings);
        return context.ActorOf(OutboundTcpAssociationActor.Props(remote, handler, codec, settings.Association, settings.MaxQueuedWhileConnecting), name);
    }
}
