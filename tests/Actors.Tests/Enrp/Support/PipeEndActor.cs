// One end of an in-memory ENRP connection: the TcpAssociationActor contract without a socket.
using System.Net;
using Akka.Actor;
using RSerPool.Actors.Transport;
using RSerPool.Wire;
using RSerPool.Wire.Codec;
using RSerPool.Wire.Messages.Enrp;

namespace RSerPool.Actors.Tests.Enrp.Support;

/// <summary>
/// The connecting end (partner null) finds the listener at <c>remote</c> and creates the accepting end; each end tells
/// its handler <see cref="AssociationEstablished"/>, encodes and decodes every sent message, and stops with its
/// partner or handler.
/// </summary>
internal sealed class PipeEndActor : ReceiveActor
{
    private static long s_ports = 40000;
    private readonly InMemoryEnrpNetwork _network;
    private readonly IActorRef _handler;
    private readonly IPEndPoint _remote;
    private IActorRef? _partner;
    private AssociationIdentity? _identity;

    public PipeEndActor(InMemoryEnrpNetwork network, IActorRef handler, IPEndPoint remote, IActorRef? partner, AssociationIdentity? identity = null)
    {
        _identity = identity;
        _network = network;
        _handler = handler;
        _remote = remote;
        _partner = partner;
        Receive<AssociationSend<EnrpMessage>>(send =>
        {
            if (_network.Drop(send.Message))
            {
                return;
            }

            var bytes = new byte[EnrpEncoder.GetEncodedLength(send.Message)];
            EnrpEncoder.Encode(send.Message, bytes);
            if (EnrpDecoder.TryDecode(bytes, WireLimits.Default, out EnrpMessage? decoded, out _, out _))
            {
                if (_network.Hold(decoded!) && _partner is not null)
                {
                    _network.Keep(_partner, Self, decoded!);
                    return;
                }

                _network.Record(decoded!);
                _partner?.Tell(new PipeDelivery(decoded!), Self);
            }
        });
        Receive<PipeDelivery>(delivery => _handler.Tell(new AssociationReceived<EnrpMessage>(delivery.Message), Self));
        Receive<CloseAssociation>(_ => Context.Stop(Self));
        Receive<Terminated>(_ => Context.Stop(Self));
    }

    protected override void PreStart()
    {
        Context.Watch(_handler);
        if (_partner is null)
        {
            IActorRef? listener = _network.HandlerAt(_remote);
            if (listener is null)
            {
                Context.Stop(Self);
                return;
            }

            var local = new IPEndPoint(IPAddress.Parse("10.255.0.1"), (int)Interlocked.Increment(ref s_ports));
            var self = Self;
            AssociationIdentity? connector = _network.IdentityOfHandler(_handler);
            _identity = _network.IdentityAt(_remote);
            _partner = Context.ActorOf(Props.Create(() => new PipeEndActor(_network, listener, local, self, connector)));
            _network.RecordAccepted(_partner);
        }

        Context.Watch(_partner);
        _handler.Tell(new AssociationEstablished(Self, _remote, null, _identity), Self);
    }
}
