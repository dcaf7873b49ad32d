// PE side of one PU session (services draft §3.3; RFC 5352 §2.2.11-§2.2.13): session-<n> under the PE's server.
using System.Net.Sockets;
using Akka.Actor;
using Akka.Event;
using RSerPool.Wire;
using RSerPool.Wire.Messages.Asap;
using RSerPool.Wire.Session;

namespace RSerPool.Actors.Session;

/// <summary>
/// Serves one accepted PU connection: calls the <see cref="IPoolElementService"/> one call at a time, on this actor.
/// A data message is acknowledged, when the PU asked for it, only after the service handled it (and after what the
/// service sent meanwhile). Cookie Echo goes to the service; heartbeats are answered here, after queued service calls,
/// so a hung service looks hung to the PU. A service that throws closes the session after what it sent so far (that message and later ones stay
/// unacknowledged, so the PU resends them to the next PE).
/// </summary>
internal sealed class PoolElementSessionActor : ReceiveActor, IWithTimers
{
    private static long s_sessionIds;

    private readonly Func<IActorRef, Props> _connectionProps;
    private readonly string _peer;
    private readonly IPoolElementService _service;
    private readonly PoolElementServerOptions _options;
    private readonly ILoggingAdapter _log;
    private readonly Outlet _outlet;
    private readonly PoolElementSessionContext _context;
    private readonly TimeSpan? _firstFrameTimeout;
    private IActorRef _connection = ActorRefs.Nobody;
    private bool _framed;
    private bool _opened;
    private bool _ended;
    private bool _closing;

    public PoolElementSessionActor(Socket socket, IPoolElementService service, PoolElementServerOptions options)
        : this(handler => ShimConnectionActor.Accepted(socket, handler, options.Connection), socket.RemoteEndPoint?.ToString() ?? "unknown peer", service, options)
    {
        _firstFrameTimeout = options.FirstFrameTimeout;
    }

    /// <summary>A session over the connection actor <paramref name="connectionProps"/> makes for its handler (TCP shim or SCTP).</summary>
    public PoolElementSessionActor(Func<IActorRef, Props> connectionProps, string peer, IPoolElementService service, PoolElementServerOptions options)
    {
        _connectionProps = connectionProps;
        _peer = peer;
        _service = service;
        _options = options;
        _log = Context.GetLogger();
        _outlet = new Outlet(Self, options.Connection.Limits.MaxFrameLength);
        _context = new PoolElementSessionContext(Interlocked.Increment(ref s_sessionIds), _outlet);

        Receive<ShimConnected>(_ => Sender.Equals(_connection), _ => Open());
        Receive<ShimReceived>(_ => Sender.Equals(_connection), r => OnFrame(r.Frame));
        Receive<CloseRequested>(_ => CloseGracefully("closed by the service"));
        Receive<FirstFrameTimedOut>(_ => !_framed, _ =>
        {
            _log.Warning("session {Id}: {Peer} sent no complete frame within {Timeout}; closed", _context.SessionId, _peer, _firstFrameTimeout);
            End("no complete first frame");
        });
        Receive<ShimConnectionClosed>(_ => Sender.Equals(_connection), c => End(c.Reason));
        Receive<Terminated>(t => t.ActorRef.Equals(_connection), _ => End("connection closed"));
    }

    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>What the session context may do, from any thread.</summary>
    internal interface IOutlet
    {
        void SendData(ReadOnlyMemory<byte> payload);

        void SendCookie(ReadOnlyMemory<byte> cookie);

        void Close();
    }

    public static Props Props(Socket socket, IPoolElementService service, PoolElementServerOptions options) =>
        Akka.Actor.Props.Create(() => new PoolElementSessionActor(socket, service, options));

    /// <summary>Props of a session over the connection <paramref name="connectionProps"/> makes (e.g. <see cref="SctpSessionConnectionActor.Accepted"/>).</summary>
    public static Props Props(Func<IActorRef, Props> connectionProps, string peer, IPoolElementService service, PoolElementServerOptions options) =>
        Akka.Actor.Props.Create(() => new PoolElementSessionActor(connectionProps, peer, service, options));

    protected override void PreStart()
    {
        _connection = Context.ActorOf(_connectionProps(Self), "connection");
        if (_firstFrameTimeout is { } timeout)
        {
            Timers.StartSingleTimer("first-frame", FirstFrameTimedOut.Instance, timeout);
        }
        _outlet.Connection = _connection;
        Context.Watch(_connection);
    }

    protected override void PostStop()
    {
        if (_opened && !_ended)
        {
            _ended = true;
            Call("OnSessionClosed", s => s.OnSessionClosed(_context));
        }
    }

    private void Open()
    {
        _opened = true;
        _log.Debug("session {Id} opened by {Peer}", _context.SessionId, _peer);
        if (_options.BusinessCard is { } card)
        {
            _connection.Tell(new ShimSend(new ShimAsapFrame(card)), Self);
        }

        Call("OnSessionOpened", s => s.OnSessionOpened(_context));
    }

    private void OnFrame(ShimFrame frame)
    {
        if (!_framed)
        {
            _framed = true;
            Timers.Cancel("first-frame");
        }

        if (_closing)
        {
            return;                                                   // nothing more is handled or acknowledged
        }

        switch (frame)
        {
            case ShimDataFrame data:
                if (Call("OnMessage", s => s.OnMessage(_context, data.Payload.ToArray())) && data.AckRequested)
                {
                    _connection.Tell(new ShimSend(new ShimAckFrame(data.Sequence)), Self);
                }

                break;
            case ShimAsapFrame { Message: AsapCookieEcho echo }:
                Call("OnCookieEcho", s => s.OnCookieEcho(_context, echo.Cookie.ToArray()));
                break;
            case ShimAsapFrame { Message: AsapBusinessCard card }:
                _log.Debug("session {Id}: PU business card for pool {Pool} with {Count} PE(s)", _context.SessionId, card.PoolHandle, card.PoolElements.Count);
                Call("OnBusinessCard", s => s.OnBusinessCard(_context, card));
                break;
            case ShimAsapFrame other:
                _log.Debug("session {Id}: ignored ASAP {Type}", _context.SessionId, other.Message.Type);
                break;
            case ShimHeartbeatFrame heartbeat:
                _connection.Tell(new ShimSend(new ShimHeartbeatAckFrame(heartbeat.Nonce)), Self);
                break;
            case ShimDataFrame or ShimAckFrame or ShimHeartbeatAckFrame:
                break;
        }
    }

    private void End(string reason)
    {
        _log.Debug("session {Id} ended: {Reason}", _context.SessionId, reason);
        if (_opened && !_ended)
        {
            _ended = true;
            Call("OnSessionClosed", s => s.OnSessionClosed(_context));
        }

        Context.Stop(Self);
    }

    // One service call; a throwing service closes this session instead of restarting the actor.
    private bool Call(string name, Action<IPoolElementService> call)
    {
        try
        {
            call(_service);
            return true;
        }
        catch (Exception e)
        {
            _log.Error(e, "session {Id}: service {Call} failed; closing the session", _context.SessionId, name);
            CloseGracefully($"service {name} failed");
            return false;
        }
    }

    // What the service sent before goes out; later frames from the PU are neither handled nor acknowledged.
    private void CloseGracefully(string reason)
    {
        if (!_closing)
        {
            _closing = true;
            _connection.Tell(new ShimClose(reason), Self);
        }
    }

    private sealed record CloseRequested;

    private sealed record FirstFrameTimedOut
    {
        public static FirstFrameTimedOut Instance { get; } = new();
    }

    private sealed class Outlet(IActorRef session, int maxFrameLength) : IOutlet
    {
        private long _sequence;

        public IActorRef Connection { get; set; } = ActorRefs.Nobody;

        // Told straight to the connection, so a reply made during OnMessage precedes that message's ack.
        public void SendData(ReadOnlyMemory<byte> payload)
        {
            if (payload.Length > maxFrameLength - ShimDecoder.HeaderLength - ShimDecoder.DataFixedLength)
            {
                throw new ArgumentException($"A message of {payload.Length} bytes exceeds the shim's maximum frame length {maxFrameLength}.", nameof(payload));
            }

            uint sequence = (uint)Interlocked.Increment(ref _sequence);
            Connection.Tell(new ShimSend(new ShimDataFrame(sequence, false, ValueArray.Create(payload.Span))), session);
        }

        public void SendCookie(ReadOnlyMemory<byte> cookie)
        {
            // RFC 5354 §3.13: a Cookie parameter holds at least one byte and fits a 16-bit message length.
            if (cookie.IsEmpty || cookie.Length > ushort.MaxValue - 12)
            {
                throw new ArgumentException($"A cookie needs 1 to {ushort.MaxValue - 12} bytes; got {cookie.Length}.", nameof(cookie));
            }

            Connection.Tell(new ShimSend(new ShimAsapFrame(new AsapCookie(ValueArray.Create(cookie.Span)))), session);
        }

        public void Close() => session.Tell(new CloseRequested(), session);
    }
}
