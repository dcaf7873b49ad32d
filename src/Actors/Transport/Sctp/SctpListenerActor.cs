using System.Net;
using Akka.Actor;
using Akka.Event;

namespace RSerPool.Actors.Transport.Sctp;

/// <summary>
/// Listens on one kernel SCTP endpoint (one-to-one style; port 0 = any free port) and runs each accepted association
/// as a child <see cref="SctpAssociationActor{TMessage}"/> (association-1, ...) whose handler is <c>handler</c>,
/// like <see cref="TcpListenerActor{TMessage}"/>. Tells the handler <see cref="Bound"/> or <see cref="BindFailed"/>
/// (also when the kernel has no SCTP, <see cref="SctpSupport"/>). Associations beyond <c>maxAssociations</c> are
/// closed at once.
/// </summary>
public sealed class SctpListenerActor<TMessage> : ReceiveActor
    where TMessage : class
{
    private readonly IPEndPoint _endpoint;
    private readonly IActorRef _handler;
    private readonly IWireCodec<TMessage> _codec;
    private readonly AssociationSettings _settings;
    private readonly SctpSettings _sctp;
    private readonly int _maxAssociations;
    private readonly ILoggingAdapter _log;
    private readonly CancellationTokenSource _stop = new();
    private SctpSocket? _listener;
    private long _accepted;
    private int _open;

    public SctpListenerActor(IPEndPoint endpoint, IActorRef handler, IWireCodec<TMessage> codec, AssociationSettings settings, SctpSettings sctp,
        int maxAssociations)
    {
        _endpoint = endpoint;
        _handler = handler;
        _codec = codec;
        _settings = settings;
        _sctp = sctp;
        _maxAssociations = maxAssociations;
        _log = Context.GetLogger();

        Receive<SctpAccepted>(accepted => Accept(accepted.Socket));
        Receive<Terminated>(_ => _open--);
    }

    public static Props Props(IPEndPoint endpoint, IActorRef handler, IWireCodec<TMessage> codec, AssociationSettings settings, SctpSettings sctp,
        int maxAssociations) =>
        Akka.Actor.Props.Create(() => new SctpListenerActor<TMessage>(endpoint, handler, codec, settings, sctp, maxAssociations));

    // A failed association actor stops (its socket closes, the handler sees it end) and is never restarted on the
    // same socket, which would announce the association a second time.
    protected override SupervisorStrategy SupervisorStrategy() => Akka.Actor.SupervisorStrategy.StoppingStrategy;

    protected override void PreStart()
    {
        if (!SctpSupport.IsAvailable)
        {
            Fail(SctpSupport.Reason);
            return;
        }
        SctpSocket socket;
        try
        {
            socket = SctpSocket.OpenListener(_endpoint, SctpSocketStyle.OneToOne, _sctp.ListenBacklog, _sctp.ReusePort);
        }
        catch (SctpException e)
        {
            Fail(e.Message);
            return;
        }
        _listener = socket;
        var local = socket.LocalEndPoint ?? _endpoint;
        _log.Info("{Protocol} listening on SCTP {EndPoint}", _codec.Name, local);
        _handler.Tell(new Bound(Self, local), Self);
        var self = Self;
        var cancel = _stop.Token;
        SctpAcceptLoop.Start(socket, self, _sctp.PollInterval, cancel);
    }

    protected override void PostStop()
    {
        _stop.Cancel();
        _listener?.Dispose();
    }

    private void Fail(string reason)
    {
        _log.Error("{Protocol} cannot listen on SCTP {EndPoint}: {Reason}", _codec.Name, _endpoint, reason);
        _handler.Tell(new BindFailed(_endpoint, reason), Self);
        Context.Stop(Self);
    }

    private void Accept(SctpSocket socket)
    {
        if (_open >= _maxAssociations)
        {
            _log.Warning("{Protocol}: refusing SCTP association from {Peer}: {Limit} associations open", _codec.Name, socket.RemoteEndPoint, _maxAssociations);
            socket.Dispose();
            return;
        }
        try
        {
            socket.PrepareForMessages();
        }
        catch (SctpException e)
        {
            _log.Warning("{Protocol}: dropping SCTP association from {Peer}: {Reason}", _codec.Name, socket.RemoteEndPoint, e.Message);
            socket.Dispose();
            return;
        }
        var child = Context.ActorOf(SctpAssociationActor<TMessage>.Props(socket, _handler, _codec, _settings, _sctp), $"association-{++_accepted}");
        Context.Watch(child);
        _open++;
    }
}
