// An ENRP association opened by this registrar towards a peer's ENRP endpoint (RFC 5353 §3, §3.4).
using System.Net;
using System.Net.Sockets;
using Akka.Actor;
using Akka.Event;
using RSerPool.Actors.Transport;
using RSerPool.Wire.Messages.Enrp;

namespace RSerPool.Actors.Enrp;

/// <summary>
/// Connects a TCP socket to <c>remote</c>, then hands it to a <see cref="TcpAssociationActor{TMessage}"/> child whose
/// handler is the ENRP actor. Sends told before the connection is up are queued (at most <c>maxQueued</c>; more are
/// dropped: Presence repeats and audits repair the rest). Stops when connecting fails or the child stops.
/// </summary>
public sealed class OutboundTcpAssociationActor : ReceiveActor
{
    private readonly IPEndPoint _remote;
    private readonly IActorRef _handler;
    private readonly EnrpWireCodec _codec;
    private readonly AssociationSettings _settings;
    private readonly int _maxQueued;
    private readonly ILoggingAdapter _log;
    private readonly Queue<AssociationSend<EnrpMessage>> _queued = new();
    private readonly CancellationTokenSource _stop = new();
    private IActorRef? _association;

    public OutboundTcpAssociationActor(IPEndPoint remote, IActorRef handler, EnrpWireCodec codec, AssociationSettings settings, int maxQueued)
    {
        _remote = remote;
        _handler = handler;
        _codec = codec;
        _settings = settings;
        _maxQueued = maxQueued;
        _log = Context.GetLogger();

        Receive<OutboundConnectResult>(OnConnected);
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
            _log.Debug("ENRP association to {Remote} closing: {Reason}", _remote, close.Reason);
            Context.Stop(Self);
        });
        Receive<Terminated>(_ => Context.Stop(Self));
    }

    public static Props Props(IPEndPoint remote, IActorRef handler, EnrpWireCodec codec, AssociationSettings settings, int maxQueued) =>
        Akka.Actor.Props.Create(() => new OutboundTcpAssociationActor(remote, handler, codec, settings, maxQueued));

    // A failed association actor stops (its socket closes, the handler sees it end) and is never restarted on the
    // same socket, which would announce the association a second time.
    protected override SupervisorStrategy SupervisorStrategy() => Akka.Actor.SupervisorStrategy.StoppingStrategy;

    protected override void PreStart()
    {
        Context.Watch(_handler);
        ConnectAsync(_remote, _stop.Token).PipeTo(Self, Self, socket => new OutboundConnectResult(socket, "connected"),
            failure => new OutboundConnectResult(null, failure.Message));
    }

    protected override void PostStop()
    {
        _stop.Cancel();
        _stop.Dispose();
    }

    // A socket connected after the actor stopped is closed here, so none is left behind.
    private static async Task<Socket> ConnectAsync(IPEndPoint remote, CancellationToken stopped)
    {
        var socket = new Socket(remote.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stopped);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            await socket.ConnectAsync(remote, timeout.Token).ConfigureAwait(false);
            stopped.ThrowIfCancellationRequested();
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private void OnConnected(OutboundConnectResult result)
    {
        if (result.Socket is null)
        {
            _log.Debug("ENRP connect to {Remote} failed: {Reason}", _remote, result.Reason);
            _handler.Tell(new EnrpConnectFailed(_remote, result.Reason), Self);
            Context.Stop(Self);
            return;
        }

        _association = Context.ActorOf(TcpAssociationActor<EnrpMessage>.Props(result.Socket, _handler, _codec, _settings), "association");
        Context.Watch(_association);
        while (_queued.TryDequeue(out var send))
        {
            _association.Tell(send, Self);
        }
    }
}
