// PE user transport over one kernel SCTP one-to-many socket (RFC 5352 §5, RFC 6458 §3): one session-<n>
// child per PU association, one read loop for all of them.
using System.Net;
using Akka.Actor;
using Akka.Event;
using RSerPool.Actors.Transport;
using RSerPool.Actors.Transport.Sctp;

namespace RSerPool.Actors.Session;

/// <summary>
/// What <see cref="SctpPoolElementServerActor"/> does, on a single one-to-many socket (SOCK_SEQPACKET; port 0 = any
/// free port) with one <see cref="SctpOneToManyReadLoop"/> where the one-to-one server has a socket and a read thread
/// per association: completes <c>bound</c> with the real endpoint (or the bind error, also when the kernel has no
/// SCTP), runs each association that comes up (SCTP_COMM_UP) as a <see cref="PoolElementSessionActor"/> over a
/// <see cref="SctpOneToManySessionConnectionActor"/>, and routes the association's messages and notifications to that
/// connection by association id (held back until the connection has registered). Associations beyond
/// <see cref="PoolElementServerOptions.MaxSessions"/> are shut down at once. Stopping the actor closes every session,
/// then the socket.
/// </summary>
internal sealed class SctpOneToManyPoolElementServerActor : ReceiveActor
{
    private readonly IPEndPoint _endpoint;
    private readonly IPoolElementService _service;
    private readonly PoolElementServerOptions _options;
    private readonly SctpSessionSettings _sctp;
    private readonly TaskCompletionSource<IPEndPoint> _bound;
    private readonly ILoggingAdapter _log;
    private readonly CancellationTokenSource _stop = new();
    private readonly Dictionary<int, SctpSessionRoute> _byAssociation = [];
    private readonly Dictionary<IActorRef, int> _bySession = [];
    private SctpSocket? _socket;
    private IPEndPoint? _local;
    private long _started;

    public SctpOneToManyPoolElementServerActor(IPEndPoint endpoint, IPoolElementService service, PoolElementServerOptions options,
        SctpSessionSettings sctp, TaskCompletionSource<IPEndPoint> bound)
    {
        _endpoint = endpoint;
        _service = service;
        _options = options;
        _sctp = sctp;
        _bound = bound;
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
        Receive<SctpSessionAttached>(Attach);
        Receive<ReadLoopEnded>(ended =>
        {
            _log.Error("PE server on SCTP {EndPoint} stopped: {Reason}", _local ?? _endpoint, ended.Reason);
            Context.Stop(Self);
        });
        Receive<Terminated>(t => SessionEnded(t.ActorRef));
    }

    public static Props Props(IPEndPoint endpoint, IPoolElementService service, PoolElementServerOptions options, SctpSessionSettings sctp,
        TaskCompletionSource<IPEndPoint> bound) =>
        Akka.Actor.Props.Create(() => new SctpOneToManyPoolElementServerActor(endpoint, service, options, sctp, bound));

    // A failed session stops (its connection ends the association) and is never restarted over the same association.
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
            socket = SctpSocket.OpenListener(_endpoint, SctpSocketStyle.OneToMany, _sctp.ListenBacklog);
        }
        catch (SctpException e)
        {
            Fail(e.Message);
            return;
        }
        _socket = socket;
        _local = socket.LocalEndPoint ?? _endpoint;
        _log.Info("PE server listening on SCTP {EndPoint} (one-to-many socket)", _local);
        _bound.TrySetResult(_local);
        // No routes published: every message comes through this actor.
        SctpOneToManyReadLoop.Start(socket, Self, new(), _sctp.MaxMessageLength, _sctp.PollInterval, _stop.Token);
    }

    protected override void PostStop()
    {
        // The sessions stopped first and ended their associations; closing the socket ends any left (RFC 6458 §3.1.4).
        _stop.Cancel();
        _socket?.Dispose();
        _bound.TrySetException(new ObjectDisposedException("PoolElementServer"));
    }

    private void Fail(string reason)
    {
        _log.Error("PE server cannot listen on SCTP {EndPoint}: {Reason}", _endpoint, reason);
        _bound.TrySetException(new InvalidOperationException($"cannot listen on SCTP {_endpoint}: {reason}"));
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
        if (!_byAssociation.TryGetValue(association, out var route))
        {
            return;
        }
        route.Deliver(sctpEvent, Self);
        if (sctpEvent.EndsAssociation)
        {
            // The id may be reused by a later association; a connection not yet registered gets the end when it does.
            route.Ended = true;
            if (route.Connection is not null)
            {
                _byAssociation.Remove(association);
            }
        }
    }

    private void Start(int association, IPEndPoint? peer)
    {
        string name = $"{peer?.ToString() ?? "unknown peer"} (association {association})";
        if (_bySession.Count >= _options.MaxSessions)
        {
            _log.Warning("PE server: refusing SCTP association from {Peer}: {Limit} sessions open", name, _options.MaxSessions);
            _socket?.EndAssociation(association, abort: false);
            return;
        }
        var socket = _socket!;
        var local = _local;
        var server = Self;
        var sctp = _sctp;
        var session = Context.ActorOf(
            PoolElementSessionActor.Props(handler => SctpOneToManySessionConnectionActor.Props(socket, association, peer, local, server, handler, sctp),
                name, _service, _options),
            $"session-{++_started}");
        Context.Watch(session);
        _byAssociation[association] = new SctpSessionRoute(session);
        _bySession[session] = association;
    }

    private void Attach(SctpSessionAttached attached)
    {
        if (_byAssociation.TryGetValue(attached.AssociationId, out var route) && route.Connection is null)
        {
            route.Attach(Sender, Self);
            if (route.Ended)
            {
                _byAssociation.Remove(attached.AssociationId);
            }
        }
    }

    private void SessionEnded(IActorRef session)
    {
        if (!_bySession.Remove(session, out int association))
        {
            return;
        }
        if (_byAssociation.TryGetValue(association, out var route) && route.Session.Equals(session))
        {
            _byAssociation.Remove(association);
            if (route.Connection is null && !route.Ended)
            {
                _socket?.EndAssociation(association, abort: true);          // no connection ever took it over
            }
        }
    }

    private bool Route(int association, object message)
    {
        if (_byAssociation.TryGetValue(association, out var route))
        {
            route.Deliver(message, Self);
            return true;
        }
        return false;
    }
}
