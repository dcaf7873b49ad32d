using System.Collections.Concurrent;
using System.Net;
using Akka.Actor;
using Akka.Event;
using RSerPool.Actors.Dispatch;

namespace RSerPool.Actors.Transport.Sctp;

/// <summary>
/// Listens on one kernel SCTP endpoint with a single one-to-many socket (SOCK_SEQPACKET, RFC 6458 §3; port 0 = any
/// free port) and one read loop thread for every association, where <see cref="SctpListenerActor{TMessage}"/> has a
/// socket and a read thread per association. Same Props and messages as that listener: tells the handler
/// <see cref="Bound"/> or <see cref="BindFailed"/> (also when the kernel has no SCTP, <see cref="SctpSupport"/>), and
/// runs each association that comes up (SCTP_COMM_UP) as a child <see cref="SctpOneToManyAssociationActor{TMessage}"/>
/// (association-1, ...) whose handler is <c>handler</c>, routing the association's messages and notifications to it
/// by association id. Associations beyond <c>maxAssociations</c> are aborted at once. When this actor stops, the
/// socket closes and the kernel ends every association on it.
/// </summary>
public sealed class SctpOneToManyListenerActor<TMessage> : ReceiveActor
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
    private readonly Dictionary<int, IActorRef> _byAssociation = [];
    private readonly Dictionary<IActorRef, int> _byChild = [];
    // Published by the association actors, read by the read loop (SctpOneToManyRoute).
    private readonly ConcurrentDictionary<int, SctpOneToManyRoute> _routes = new();
    private SctpSocket? _socket;
    private (EventLoopExecutor Executor, IEventLoopReader Reader)? _loop;
    private IPEndPoint? _local;
    private long _started;

    public SctpOneToManyListenerActor(IPEndPoint endpoint, IActorRef handler, IWireCodec<TMessage> codec, AssociationSettings settings,
        SctpSettings sctp, int maxAssociations)
    {
        _endpoint = endpoint;
        _handler = handler;
        _codec = codec;
        _settings = settings;
        _sctp = sctp;
        _maxAssociations = maxAssociations;
        _log = Context.GetLogger();

        Receive<SctpAssociationEvent>(OnEvent);
        Receive<SctpEndpointFrame>(frame => Route(frame.AssociationId, frame));
        Receive<SctpOversizedMessage>(oversized =>
        {
            if (!Route(oversized.AssociationId, oversized))
            {
                _socket?.EndAssociation(oversized.AssociationId, abort: true);
            }
        });
        Receive<ReadLoopEnded>(ended =>
        {
            _log.Error("{Protocol} SCTP endpoint {EndPoint} stopped: {Reason}", _codec.Name, _local ?? _endpoint, ended.Reason);
            Context.Stop(Self);
        });
        Receive<Terminated>(t =>
        {
            if (_byChild.Remove(t.ActorRef, out int association))
            {
                _byAssociation.Remove(association);
            }
        });
    }

    public static Props Props(IPEndPoint endpoint, IActorRef handler, IWireCodec<TMessage> codec, AssociationSettings settings, SctpSettings sctp,
        int maxAssociations) =>
        Akka.Actor.Props.Create(() => new SctpOneToManyListenerActor<TMessage>(endpoint, handler, codec, settings, sctp, maxAssociations));

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
            socket = SctpSocket.OpenListener(_endpoint, SctpSocketStyle.OneToMany, _sctp.ListenBacklog, _sctp.ReusePort);
        }
        catch (SctpException e)
        {
            Fail(e.Message);
            return;
        }
        _socket = socket;
        _local = socket.LocalEndPoint ?? _endpoint;
        _log.Info("{Protocol} listening on SCTP {EndPoint} (one-to-many socket)", _codec.Name, _local);
        _handler.Tell(new Bound(Self, _local), Self);
        if (EventLoopExecutor.Current is { PollsSockets: true } loop)
        {
            // On an event-loop dispatcher (rserpool.registrar.dispatcher): the loop's thread reads the socket.
            _loop = (loop, SctpOneToManyReadLoop.Attach(loop, socket, Self, _routes, _settings.MaxMessageLength));
        }
        else
        {
            SctpOneToManyReadLoop.Start(socket, Self, _routes, _settings.MaxMessageLength, _sctp.PollInterval, _stop.Token);
        }
    }

    protected override void PostStop()
    {
        _stop.Cancel();
        if (_loop is var (executor, reader))
        {
            executor.Unregister(reader);
        }

        _socket?.Dispose();
    }

    private void Fail(string reason)
    {
        _log.Error("{Protocol} cannot listen on SCTP {EndPoint}: {Reason}", _codec.Name, _endpoint, reason);
        _handler.Tell(new BindFailed(_endpoint, reason), Self);
        Context.Stop(Self);
    }

    private void OnEvent(SctpAssociationEvent sctpEvent)
    {
        int association = sctpEvent.AssociationId;
        if (sctpEvent.Kind == SctpEventKind.Up && !_byAssociation.ContainsKey(association))
        {
            Start(association, sctpEvent.PeerAddress);
            return;
        }
        Route(association, sctpEvent);
        if (sctpEvent.EndsAssociation && _byAssociation.Remove(association, out var child))
        {
            // The id may be reused by a later association; the child stops on the event it was just told.
            _byChild.Remove(child);
        }
    }

    private void Start(int association, IPEndPoint? peer)
    {
        if (_byAssociation.Count >= _maxAssociations)
        {
            _log.Warning("{Protocol}: aborting SCTP association {Association} from {Peer}: {Limit} associations open", _codec.Name, association, peer,
                _maxAssociations);
            _socket?.EndAssociation(association, abort: true);
            return;
        }
        var props = SctpOneToManyAssociationActor<TMessage>.Props(_socket!, association, peer, _local, _handler, _codec, _settings, _sctp, _routes);
        var child = Context.ActorOf(props.WithDispatcher(Context.Props.Dispatcher), $"association-{++_started}");
        Context.Watch(child);
        _byAssociation[association] = child;
        _byChild[child] = association;
    }

    private bool Route(int association, object message)
    {
        if (_byAssociation.TryGetValue(association, out var child))
        {
            child.Tell(message, Self);
            return true;
        }
        return false;
    }
}
