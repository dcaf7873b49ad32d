// PU side of session mode (services draft §3.3, §4.3-§4.6; RFC 5352 §2.2.11-§2.2.13, §3.5): one actor per session.
using System.Collections.Immutable;
using System.Net;
using System.Net.Sockets;
using Akka.Actor;
using RSerPool.Actors.Time;
using Akka.Event;
using RSerPool.Actors.PoolUser;
using RSerPool.Actors.Transport.Sctp;
using RSerPool.Wire;
using RSerPool.Wire.Messages.Asap;
using RSerPool.Wire.Parameters;
using RSerPool.Wire.Session;
using RSerPool.Actors.Transport;

namespace RSerPool.Actors.Session;

/// <summary>
/// pu-session-&lt;n&gt;: asks the resolver for a PE of the pool, connects to its TCP user transport and carries data and
/// ASAP control over one shim connection (connection-&lt;n&gt; child). On PE failure (connection lost, heartbeat or
/// ack timeout) it reports the PE unreachable, selects another one excluding the failed ones and reconnects, queuing
/// sends meanwhile; once connected it calls the failover callback, echoes the latest cookie, sends its business card,
/// resends the unacknowledged ack-requested messages in order and then the queued sends.
/// States: Selecting → Connecting → Connected (→ Selecting on failure) → Closing.
/// </summary>
internal sealed class PoolUserSessionActor : ReceiveActor, IWithTimers
{
    // The system's clock (RSerPoolClock), looked up once.
    private readonly TimeProvider _clock = Context.System.Clock;
    private const string SelectTimer = "select";
    private const string ConnectTimer = "connect";
    private const string HeartbeatTimer = "heartbeat";
    private const string HeartbeatTimeoutTimer = "heartbeat-timeout";
    private const string AckTimer = "ack";
    private const string CloseTimer = "close";

    private readonly IActorRef _resolver;
    private readonly PoolHandle _pool;
    private readonly PoolSessionOptions _options;
    private readonly IPoolSessionSink _sink;
    private readonly Func<IPEndPoint, IActorRef, Props> _connectionProps;
    private readonly Func<IPEndPoint, IActorRef, Props> _sctpConnectionProps;
    private readonly ILoggingAdapter _log;
    private readonly List<uint> _excluded = new();
    private readonly LinkedList<Unacked> _unacked = new();
    private readonly Queue<PoolSessionSend> _queued = new();
    private readonly List<TaskCompletionSource> _forcedFailovers = new();
    private readonly List<TaskCompletionSource> _closeWaiters = new();

    private IActorRef? _connection;
    private PoolElement? _candidate;
    private PoolElement? _current;
    private PoolElement? _lastConnected;
    private string _failoverReason = "";
    private ValueArray<byte>? _cookie;
    private uint _nextSequence;
    private ulong _heartbeatNonce;
    private ulong? _outstandingHeartbeat;
    private int _selectionAttempts;
    private int _connectionCount;
    private bool _closed;

    public PoolUserSessionActor(IActorRef resolver, PoolHandle pool, PoolSessionOptions options, IPoolSessionSink sink,
        Func<IPEndPoint, IActorRef, Props> connectionProps, Func<IPEndPoint, IActorRef, Props>? sctpConnectionProps = null)
    {
        _resolver = resolver;
        _pool = pool;
        _options = options;
        _sink = sink;
        _connectionProps = connectionProps;
        var sctp = options.Sctp;
        _sctpConnectionProps = sctpConnectionProps ?? ((endpoint, handler) => SctpSessionConnectionActor.Connect(endpoint, handler, sctp));
        _log = Context.GetLogger();
        Selecting();
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(IActorRef resolver, PoolHandle pool, PoolSessionOptions options, IPoolSessionSink sink,
        Func<IPEndPoint, IActorRef, Props>? connectionProps = null, Func<IPEndPoint, IActorRef, Props>? sctpConnectionProps = null)
    {
        var settings = options.Connection;
        connectionProps ??= (endpoint, handler) => ShimConnectionActor.Connect(endpoint, handler, settings);
        return Akka.Actor.Props.Create(() => new PoolUserSessionActor(resolver, pool, options, sink, connectionProps, sctpConnectionProps));
    }

    /// <summary>
    /// The address to connect to from a PE's user transport, first specific address (RFC 5354 §3.4, §3.5): TCP (the
    /// shim), or SCTP where this kernel has it (RFC 5352 §5); null for other transports.
    /// </summary>
    public static IPEndPoint? EndpointOf(PoolElement element) => EndpointOf(element, SctpSupport.IsAvailable);

    internal static IPEndPoint? EndpointOf(PoolElement element, bool sctpAvailable)
    {
        TransportParameter? transport = element.UserTransport switch
        {
            TcpTransport tcp => tcp,
            SctpTransport sctp when sctpAvailable => sctp,
            _ => null,
        };
        if (transport is null)
        {
            return null;
        }

        foreach (var address in transport.Addresses)
        {
            if (!TransportAddresses.IsUnspecified(address) && address.AddressFamily is AddressFamily.InterNetwork or AddressFamily.InterNetworkV6)
            {
                return new IPEndPoint(address, transport.Port);
            }
        }

        return null;
    }

    protected override void PreStart() => StartSelection();

    protected override void PostStop()
    {
        if (!_closed)
        {
            _closed = true;
            FailAllPending(new ObjectDisposedException("PoolSession", "The session stopped."));
            _sink.Closed(new PoolSessionException("The session stopped."));
        }
    }

    // ---- Selecting: one SelectPoolElement in flight (services draft §4.4 GET_PRIMARY/NEXT_SERVER) ----

    private void Selecting()
    {
        Receive<PoolElementSelected>(s => s.Handle == _pool, OnSelected);
        Receive<PoolElementSelectionFailed>(f => f.Handle == _pool, f =>
        {
            Timers.Cancel(SelectTimer);
            SelectionFailed(f.Reason, f.UnknownPoolHandle);
        });
        Receive<SessionSelectionTimedOut>(t => t.Attempt == _selectionAttempts, _ => SelectionFailed("the resolver did not answer", false));
        Receive<SessionReselectDue>(_ => StartSelection());
        Disconnected();
    }

    private void StartSelection()
    {
        if (++_selectionAttempts > _options.MaxSelectionAttempts)
        {
            Fail($"no PE of pool {_pool} could be reached after {_options.MaxSelectionAttempts} attempts");
            return;
        }

        Become(Selecting);
        _resolver.Tell(new SelectPoolElement(_pool, _excluded.ToImmutableArray()), Self);
        Timers.StartSingleTimer(SelectTimer, new SessionSelectionTimedOut(_selectionAttempts), _options.SelectionTimeout);
    }

    private void SelectionFailed(string reason, bool unknownPool)
    {
        _log.Debug("pool {Pool}: no PE selected: {Reason}", _pool, reason);
        if (unknownPool && _lastConnected is null)
        {
            Fail($"unknown pool handle {_pool}: {reason}");
            return;
        }

        // The resolver dropped the reported PEs; a later selection may see fresh ones, so the exclusions start over.
        _excluded.Clear();
        Timers.StartSingleTimer(SelectTimer, new SessionReselectDue(), _options.ReselectDelay);
    }

    private void OnSelected(PoolElementSelected selected)
    {
        Timers.Cancel(SelectTimer);
        var endpoint = EndpointOf(selected.Element);
        if (endpoint is null)
        {
            _log.Warning("pool {Pool}: PE 0x{Id:x8} has no usable TCP or SCTP user transport ({Transport}); trying another", _pool, selected.Element.Identifier, LogText.Transport(selected.Element.UserTransport));
            Exclude(selected.Element.Identifier);
            StartSelection();
            return;
        }

        _candidate = selected.Element;
        var props = selected.Element.UserTransport is SctpTransport ? _sctpConnectionProps : _connectionProps;
        _connection = Context.ActorOf(props(endpoint, Self), $"connection-{++_connectionCount}");
        Context.Watch(_connection);
        Timers.StartSingleTimer(ConnectTimer, new SessionConnectTimedOut(_connection), _options.ConnectTimeout);
        Become(Connecting);
    }

    // ---- Connecting ----

    private void Connecting()
    {
        Receive<ShimConnected>(_ => IsCurrentConnection(Sender), _ => OnConnected());
        Receive<ShimConnectFailed>(_ => IsCurrentConnection(Sender), f => CandidateFailed($"connect failed: {f.Reason}"));
        Receive<SessionConnectTimedOut>(t => IsCurrentConnection(t.Connection), _ => CandidateFailed("connect timed out"));
        Receive<Terminated>(t => IsCurrentConnection(t.ActorRef), _ => CandidateFailed("connection stopped"));
        Disconnected();
    }

    private void CandidateFailed(string reason)
    {
        var candidate = _candidate!;
        _candidate = null;
        DropConnection(graceful: false);
        ReportUnreachable(candidate.Identifier, reason);
        StartSelection();
    }

    private void OnConnected()
    {
        Timers.Cancel(ConnectTimer);
        var element = _candidate!;
        _candidate = null;
        _current = element;
        _nextSequence = 1;
        _outstandingHeartbeat = null;
        _selectionAttempts = 0;
        _excluded.Clear();
        Become(Connected);

        var previous = _lastConnected;
        _lastConnected = element;
        if (previous is null)
        {
            _log.Info("pool {Pool}: session connected to PE 0x{Id:x8}", _pool, element.Identifier);
            Safely(() => _sink.Connected(element));
            Notify(new PoolSessionNotification(PoolSessionNotificationKind.Connected, element.Identifier));
        }
        else
        {
            // services draft §3.3: the application hears of the new PE before anything queued goes out.
            _log.Info("pool {Pool}: failed over from PE 0x{Old:x8} to PE 0x{New:x8}", _pool, previous.Identifier, element.Identifier);
            Safely(() => _sink.FailedOver(new PoolSessionFailover(previous.Identifier, element, _failoverReason)));
            Notify(new PoolSessionNotification(PoolSessionNotificationKind.FailedOver, element.Identifier, _failoverReason));
            if (_cookie is { } cookie)
            {
                SendFrame(new ShimAsapFrame(new AsapCookieEcho(cookie)));   // RFC 5352 §2.2.12
            }
        }

        if (_options.BusinessCard is { } card)
        {
            SendFrame(new ShimAsapFrame(card));                              // RFC 5352 §2.2.13
        }

        // Resend what the failed PE never acknowledged, in the original order, with this connection's numbers.
        var now = Now;
        for (var node = _unacked.First; node is not null; node = node.Next)
        {
            node.Value = node.Value with { Sequence = _nextSequence, SentAt = now };
            SendFrame(new ShimDataFrame(_nextSequence++, true, ValueArray.Create<byte>(node.Value.Command.Payload)));
        }

        while (_queued.Count > 0)
        {
            SendNow(_queued.Dequeue());
        }

        foreach (var forced in _forcedFailovers)
        {
            forced.TrySetResult();
        }

        _forcedFailovers.Clear();
        if (_options.HeartbeatInterval is { } interval && interval > TimeSpan.Zero)
        {
            Timers.StartPeriodicTimer(HeartbeatTimer, new SessionHeartbeatTick(), interval);
        }

        RestartAckTimer();
    }

    // ---- Connected ----

    private void Connected()
    {
        Receive<PoolSessionSend>(SendNow);
        Receive<ShimReceived>(_ => IsCurrentConnection(Sender), r => OnFrame(r.Frame));
        Receive<SessionHeartbeatTick>(_ => SendHeartbeat());
        Receive<SessionHeartbeatTimedOut>(t => t.Nonce == _outstandingHeartbeat,
            _ => CurrentFailed($"no heartbeat answer within {_options.HeartbeatTimeout}", report: true));
        Receive<SessionAckTimedOut>(_ => CheckAckTimeout());
        Receive<ShimConnectionClosed>(_ => IsCurrentConnection(Sender), c => CurrentFailed(c.Reason, report: true));
        Receive<Terminated>(t => IsCurrentConnection(t.ActorRef), _ => CurrentFailed("connection lost", report: true));
        Receive<PoolSessionForceFailover>(f =>
        {
            _forcedFailovers.Add(f.Completion);
            CurrentFailed("failover forced by the application", report: false);
        });
        Receive<PoolSessionClose>(BeginClose);
        ReceiveAny(Ignore);
    }

    private void SendNow(PoolSessionSend send)
    {
        if (send.AckRequested && _unacked.Count >= _options.MaxUnackedMessages)
        {
            send.Completion.TrySetException(new PoolSessionException($"{_unacked.Count} messages await their acknowledgement (MaxUnackedMessages)"));
            return;
        }

        uint sequence = _nextSequence++;
        SendFrame(new ShimDataFrame(sequence, send.AckRequested, ValueArray.Create<byte>(send.Payload)));
        if (!send.AckRequested)
        {
            send.Completion.TrySetResult();
            return;
        }

        _unacked.AddLast(new Unacked(send, sequence, Now));
        if (_unacked.Count == 1)
        {
            RestartAckTimer();
        }
    }

    private void OnFrame(ShimFrame frame)
    {
        uint id = _current!.Identifier;
        switch (frame)
        {
            case ShimDataFrame data:
                if (!_sink.TryDeliver(new PoolSessionMessage(data.Payload.ToArray(), id)))
                {
                    Fail($"the receive buffer is full ({_options.ReceiveBufferCapacity} messages unread)");
                    return;
                }

                if (data.AckRequested)
                {
                    SendFrame(new ShimAckFrame(data.Sequence));
                }

                break;
            case ShimAckFrame ack:
                OnAck(ack.Sequence);
                break;
            case ShimHeartbeatFrame heartbeat:
                SendFrame(new ShimHeartbeatAckFrame(heartbeat.Nonce));
                break;
            case ShimHeartbeatAckFrame answer when answer.Nonce == _outstandingHeartbeat:
                _outstandingHeartbeat = null;
                Timers.Cancel(HeartbeatTimeoutTimer);
                break;
            case ShimAsapFrame { Message: AsapCookie cookie }:
                _cookie = cookie.Cookie;                                     // RFC 5352 §3.8: keep the latest
                Notify(new PoolSessionNotification(PoolSessionNotificationKind.CookieReceived, id));
                break;
            case ShimAsapFrame { Message: AsapBusinessCard card }:
                Notify(new PoolSessionNotification(PoolSessionNotificationKind.BusinessCardReceived, id, BusinessCard: card));
                break;
            case ShimAsapFrame other:
                _log.Debug("pool {Pool}: PE 0x{Id:x8} sent {Type}; ignored", _pool, id, other.Message.Type);
                break;
        }
    }

    // The ack is cumulative (docs/session-shim.md §3.3): it covers every earlier ack-requested message too.
    private void OnAck(uint sequence)
    {
        bool removedHead = false;
        while (_unacked.First is { } first && (int)(first.Value.Sequence - sequence) <= 0)
        {
            _unacked.RemoveFirst();
            first.Value.Command.Completion.TrySetResult();
            removedHead = true;
        }

        if (removedHead)
        {
            RestartAckTimer();
        }
    }

    private void SendHeartbeat()
    {
        if (_outstandingHeartbeat is not null)
        {
            return;
        }

        ulong nonce = ++_heartbeatNonce;
        _outstandingHeartbeat = nonce;
        SendFrame(new ShimHeartbeatFrame(nonce));
        Timers.StartSingleTimer(HeartbeatTimeoutTimer, new SessionHeartbeatTimedOut(nonce), _options.HeartbeatTimeout);
    }

    private void RestartAckTimer()
    {
        if (_options.AckTimeout is not { } timeout || timeout <= TimeSpan.Zero || _unacked.First is not { } oldest || _current is null)
        {
            Timers.Cancel(AckTimer);
            return;
        }

        var due = oldest.Value.SentAt + timeout - Now;
        Timers.StartSingleTimer(AckTimer, new SessionAckTimedOut(), due > TimeSpan.Zero ? due : TimeSpan.Zero);
    }

    private void CheckAckTimeout()
    {
        if (_options.AckTimeout is { } timeout && _unacked.First is { } oldest && Now - oldest.Value.SentAt >= timeout)
        {
            CurrentFailed($"message {oldest.Value.Sequence} not acknowledged within {timeout}", report: true);
            return;
        }

        RestartAckTimer();
    }

    // ---- Failover (services draft §4.5) ----

    private void CurrentFailed(string reason, bool report)
    {
        var failed = _current!;
        _current = null;
        _failoverReason = reason;
        Timers.Cancel(HeartbeatTimer);
        Timers.Cancel(HeartbeatTimeoutTimer);
        Timers.Cancel(AckTimer);
        _outstandingHeartbeat = null;
        DropConnection(graceful: !report);
        _log.Warning("pool {Pool}: leaving PE 0x{Id:x8}: {Reason}", _pool, failed.Identifier, reason);
        if (report)
        {
            ReportUnreachable(failed.Identifier, reason);
        }
        else
        {
            Exclude(failed.Identifier);
            Notify(new PoolSessionNotification(PoolSessionNotificationKind.PoolElementFailed, failed.Identifier, reason));
        }

        // Sends bound to the failed PE (failover not allowed) fail instead of moving (services draft §3.3).
        var bound = new PoolSessionException($"PE {failed.Identifier} failed ({reason}); the message was bound to it");
        for (var node = _unacked.First; node is not null;)
        {
            var next = node.Next;
            if (!node.Value.Command.FailoverAllowed)
            {
                node.Value.Command.Completion.TrySetException(bound);
                _unacked.Remove(node);
            }

            node = next;
        }

        StartSelection();
    }

    private void ReportUnreachable(uint identifier, string reason)
    {
        _resolver.Tell(new ReportPoolElementUnreachable(_pool, identifier), Self);   // RFC 5352 §3.5 via the resolver
        Exclude(identifier);
        Notify(new PoolSessionNotification(PoolSessionNotificationKind.PoolElementFailed, identifier, reason));
    }

    private void Exclude(uint identifier)
    {
        if (!_excluded.Contains(identifier))
        {
            _excluded.Add(identifier);
        }
    }

    // Handlers shared by Selecting and Connecting: no PE to write to.
    private void Disconnected()
    {
        Receive<PoolSessionSend>(send =>
        {
            if (!send.FailoverAllowed)
            {
                send.Completion.TrySetException(new PoolSessionException("no PE is connected and the message may not fail over"));
            }
            else if (_queued.Count >= _options.MaxQueuedSends)
            {
                send.Completion.TrySetException(new PoolSessionException($"{_queued.Count} sends wait for a PE (MaxQueuedSends)"));
            }
            else
            {
                _queued.Enqueue(send);
            }
        });
        Receive<PoolSessionForceFailover>(f => _forcedFailovers.Add(f.Completion));
        Receive<PoolSessionClose>(BeginClose);
        ReceiveAny(Ignore);
    }

    // ---- Closing ----

    private void BeginClose(PoolSessionClose close)
    {
        _closeWaiters.Add(close.Completion);
        Timers.CancelAll();
        var disposed = new ObjectDisposedException("PoolSession", "The session was closed.");
        FailAllPending(disposed);
        if (_connection is null)
        {
            FinishClose();
            return;
        }

        _connection.Tell(new ShimClose("session closed by the application"), Self);
        Timers.StartSingleTimer(CloseTimer, new SessionCloseTimedOut(), _options.CloseTimeout);
        Become(() =>
        {
            Receive<Terminated>(t => IsCurrentConnection(t.ActorRef), _ => FinishClose());
            Receive<SessionCloseTimedOut>(_ => FinishClose());
            Receive<PoolSessionClose>(c => _closeWaiters.Add(c.Completion));
            Receive<PoolSessionSend>(s => s.Completion.TrySetException(disposed));
            Receive<PoolSessionForceFailover>(f => f.Completion.TrySetException(disposed));
            ReceiveAny(Ignore);
        });
    }

    private void FinishClose()
    {
        _closed = true;
        Notify(new PoolSessionNotification(PoolSessionNotificationKind.Closed, _lastConnected?.Identifier ?? 0, "closed by the application"));
        _sink.Closed(null);
        foreach (var waiter in _closeWaiters)
        {
            waiter.TrySetResult();
        }

        Context.Stop(Self);
    }

    private void Fail(string reason)
    {
        _log.Warning("pool {Pool}: session failed: {Reason}", _pool, reason);
        _closed = true;
        Timers.CancelAll();
        var error = new PoolSessionException(reason);
        FailAllPending(error);
        Notify(new PoolSessionNotification(PoolSessionNotificationKind.Closed, _lastConnected?.Identifier ?? 0, reason));
        _sink.Closed(error);
        Context.Stop(Self);
    }

    private void FailAllPending(Exception error)
    {
        foreach (var unacked in _unacked)
        {
            unacked.Command.Completion.TrySetException(error);
        }

        _unacked.Clear();
        while (_queued.Count > 0)
        {
            _queued.Dequeue().Completion.TrySetException(error);
        }

        foreach (var forced in _forcedFailovers)
        {
            forced.TrySetException(error);
        }

        _forcedFailovers.Clear();
    }

    private void DropConnection(bool graceful)
    {
        if (_connection is null)
        {
            return;
        }

        Context.Unwatch(_connection);
        if (graceful)
        {
            _connection.Tell(new ShimClose("failover forced"), Self);
        }
        else
        {
            Context.Stop(_connection);
        }

        _connection = null;
    }

    private void Notify(PoolSessionNotification notification) => Safely(() => _sink.Notify(notification));

    // Application callbacks run here; one that throws must not restart (and so reset) the session.
    private void Safely(Action callback)
    {
        try
        {
            callback();
        }
        catch (Exception e)
        {
            _log.Error(e, "pool {Pool}: an application callback failed", _pool);
        }
    }

    private void SendFrame(ShimFrame frame) => _connection!.Tell(new ShimSend(frame), Self);

    private bool IsCurrentConnection(IActorRef actor) => _connection is not null && actor.Equals(_connection);

    private void Ignore(object message) => _log.Debug("pool {Pool}: ignored {Message}", _pool, message.GetType().Name);

    private DateTimeOffset Now => _clock.GetUtcNow();

    private sealed record Unacked(PoolSessionSend Command, uint Sequence, DateTimeOffset SentAt);
}
