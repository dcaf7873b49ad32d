// An ENRP association over kernel SCTP opened by this registrar towards a peer (RFC 5353 §3.1, §5.4: PPID 12).
using System.Net;
using Akka.Actor;
using Akka.Event;
using RSerPool.Actors.Transport;
using RSerPool.Actors.Transport.Sctp;
using RSerPool.Wire.Messages.Enrp;

namespace RSerPool.Actors.Enrp;

/// <summary>
/// Connects a one-to-one SCTP socket to <c>remote</c> (off the actor, at most <c>connectTimeout</c>), then hands it to
/// an <see cref="SctpAssociationActor{TMessage}"/> child (PPID 12) whose handler is the ENRP actor, as
/// <see cref="OutboundTcpAssociationActor"/> does for TCP: sends told before the association is up are queued (at most
/// <c>maxQueued</c>; more are dropped); it stops when connecting fails (also where the kernel has no SCTP) or the child stops.
/// With a <c>local</c> endpoint the socket is bound to it first (SO_REUSEPORT, beside the ENRP listener), so the association
/// leaves from the registrar's ENRP port as RSPLIB's one-to-many socket does; if that bind fails it connects from an
/// ephemeral port.
/// </summary>
public sealed class OutboundSctpAssociationActor : ReceiveActor
{
    private readonly IPEndPoint _remote;
    private readonly IPEndPoint? _local;
    private readonly IActorRef _handler;
    private readonly EnrpWireCodec _codec;
    private readonly AssociationSettings _settings;
    private readonly SctpSettings _sctp;
    private readonly int _maxQueued;
    private readonly TimeSpan _connectTimeout;
    private readonly ILoggingAdapter _log;
    private readonly Queue<AssociationSend<EnrpMessage>> _queued = new();
    private IActorRef? _association;
    private bool _stopped;

    public OutboundSctpAssociationActor(IPEndPoint remote, IActorRef handler, EnrpWireCodec codec, AssociationSettings settings, SctpSettings sctp,
        int maxQueued, TimeSpan connectTimeout, IPEndPoint? local = null)
    {
        _remote = remote;
        _local = local;
        _handler = handler;
        _codec = codec;
        _settings = settings;
        _sctp = sctp;
        _maxQueued = maxQueued;
        _connectTimeout = connectTimeout;
        _log = Context.GetLogger();

        Receive<Connected>(connected => OnConnected(connected.Socket));
        Receive<ConnectFailed>(failed =>
        {
            _log.Debug("ENRP SCTP connect to {Remote} failed: {Reason}", _remote, failed.Reason);
            _handler.Tell(new EnrpConnectFailed(_remote, failed.Reason), Self);
            Context.Stop(Self);
        });
        Receive<AssociationSend<EnrpMessage>>(send =>
        {
            if (_association is not null)
            {
                _association.Tell(send, Self);
            }
            else if (_queued.Count < _maxQueued)
            {
                _queued.Enqueue(send);
            }
        });
        Receive<CloseAssociation>(close =>
        {
            _log.Debug("ENRP SCTP association to {Remote} closing: {Reason}", _remote, close.Reason);
            Context.Stop(Self);
        });
        Receive<Terminated>(_ => Context.Stop(Self));
    }

    public static Props Props(IPEndPoint remote, IActorRef handler, EnrpWireCodec codec, AssociationSettings settings, SctpSettings sctp,
        int maxQueued, TimeSpan connectTimeout, IPEndPoint? local = null) =>
        Akka.Actor.Props.Create(() => new OutboundSctpAssociationActor(remote, handler, codec, settings, sctp, maxQueued, connectTimeout, local));

    // A failed association actor stops (its socket closes, the handler sees it end) and is never restarted on the
    // same socket, which would announce the association a second time.
    protected override SupervisorStrategy SupervisorStrategy() => Akka.Actor.SupervisorStrategy.StoppingStrategy;

    protected override void PreStart()
    {
        Context.Watch(_handler);
        var self = Self;
        var remote = _remote;
        var local = _local;
        var timeout = _connectTimeout;
        _ = Task.Run(() => ConnectBlocking(remote, local, timeout, self));
    }

    protected override void PostStop() => _stopped = true;

    private static void ConnectBlocking(IPEndPoint remote, IPEndPoint? local, TimeSpan timeout, IActorRef self)
    {
        if (!SctpSupport.IsAvailable)
        {
            self.Tell(new ConnectFailed(SctpSupport.Reason), ActorRefs.NoSender);
            return;
        }
        SctpSocket? socket = null;
        try
        {
            socket = local is not null && local.AddressFamily == remote.AddressFamily ? TryBound(local) : null;
            socket ??= SctpSocket.Create(remote.AddressFamily);
            socket.PrepareForMessages();
            socket.Connect(remote, timeout);
            self.Tell(new Connected(socket), ActorRefs.NoSender);
        }
        catch (SctpException e)
        {
            socket?.Dispose();
            self.Tell(new ConnectFailed(e.Message), ActorRefs.NoSender);
        }
    }

    // A socket bound to the ENRP endpoint beside its listener, or null when the kernel refuses (the caller then binds nothing).
    private static SctpSocket? TryBound(IPEndPoint local)
    {
        var socket = SctpSocket.Create(local.AddressFamily);
        try
        {
            socket.EnableReusePort();
            socket.Bind(local);
            return socket;
        }
        catch (SctpException)
        {
            socket.Dispose();
            return null;
        }
    }

    private void OnConnected(SctpSocket socket)
    {
        if (_stopped)
        {
            socket.Dispose();
            return;
        }
        _association = Context.ActorOf(SctpAssociationActor<EnrpMessage>.Props(socket, _handler, _codec, _settings, _sctp), "association");
        Context.Watch(_association);
        while (_queued.TryDequeue(out var send))
        {
            _association.Tell(send, Self);
        }
    }

    private sealed record Connected(SctpSocket Socket);

    private sealed record ConnectFailed(string Reason);
}
