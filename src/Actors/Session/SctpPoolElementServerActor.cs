// PE user transport over kernel SCTP (RFC 5352 §5): one session-<n> child per PU association.
using System.Net;
using Akka.Actor;
using Akka.Event;
using RSerPool.Actors.Transport.Sctp;
using RSerPool.Actors.Metrics;

namespace RSerPool.Actors.Session;

/// <summary>
/// Listens on one SCTP endpoint (one-to-one style, port 0 = any free port), completes <c>bound</c> with the real
/// endpoint (or the bind error, also when the kernel has no SCTP), and runs each accepted association as a
/// <see cref="PoolElementSessionActor"/> over a <see cref="SctpSessionConnectionActor"/>. Associations beyond
/// <see cref="PoolElementServerOptions.MaxSessions"/> are closed at once. Stopping the actor closes every session.
/// </summary>
internal sealed class SctpPoolElementServerActor : ReceiveActor
{
    private readonly IPEndPoint _endpoint;
    private readonly IPoolElementService _service;
    private readonly PoolElementServerOptions _options;
    private readonly SctpSessionSettings _sctp;
    private readonly TaskCompletionSource<IPEndPoint> _bound;
    private readonly ILoggingAdapter _log;
    private readonly CancellationTokenSource _stop = new();
    private SctpSocket? _listener;
    private long _accepted;
    private int _open;

    public SctpPoolElementServerActor(IPEndPoint endpoint, IPoolElementService service, PoolElementServerOptions options, SctpSessionSettings sctp,
        TaskCompletionSource<IPEndPoint> bound)
    {
        _endpoint = endpoint;
        _service = service;
        _options = options;
        _sctp = sctp;
        _bound = bound;
        _log = Context.GetLogger();

        Receive<SctpAccepted>(accepted => Accept(accepted.Socket));
        Receive<Terminated>(_ =>
        {
            _open--;
            RSerPoolMetrics.SessionEnded();
        });
    }

    public static Props Props(IPEndPoint endpoint, IPoolElementService service, PoolElementServerOptions options, SctpSessionSettings sctp,
        TaskCompletionSource<IPEndPoint> bound) =>
        Akka.Actor.Props.Create(() => new SctpPoolElementServerActor(endpoint, service, options, sctp, bound));

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
            socket = SctpSocket.OpenListener(_endpoint, SctpSocketStyle.OneToOne, _sctp.ListenBacklog);
        }
        catch (SctpException e)
        {
            Fail(e.Message);
            return;
        }
        _listener = socket;
        var local = socket.LocalEndPoint ?? _endpoint;
        _log.Info("PE server listening on SCTP {EndPoint}", local);
        _bound.TrySetResult(local);
        var self = Self;
        var cancel = _stop.Token;
        var poll = _sctp.PollInterval;
        SctpAcceptLoop.Start(socket, self, poll, cancel);
    }

    protected override void PostStop()
    {
        _stop.Cancel();
        _listener?.Dispose();
        _bound.TrySetException(new ObjectDisposedException("PoolElementServer"));
    }

    private void Fail(string reason)
    {
        _log.Error("PE server cannot listen on SCTP {EndPoint}: {Reason}", _endpoint, reason);
        _bound.TrySetException(new InvalidOperationException($"cannot listen on SCTP {_endpoint}: {reason}"));
        Context.Stop(Self);
    }

    private void Accept(SctpSocket socket)
    {
        string peer = socket.RemoteEndPoint?.ToString() ?? "unknown peer";
        if (_open >= _options.MaxSessions)
        {
            _log.Warning("PE server: refusing SCTP association from {Peer}: {Limit} sessions open", peer, _options.MaxSessions);
            socket.Dispose();
            return;
        }
        try
        {
            socket.PrepareForMessages();
        }
        catch (SctpException e)
        {
            _log.Warning("PE server: dropping SCTP association from {Peer}: {Reason}", peer, e.Message);
            socket.Dispose();
            return;
        }
        var sctp = _sctp;
        var child = Context.ActorOf(
            PoolElementSessionActor.Props(handler => SctpSessionConnectionActor.Accepted(socket, handler, sctp), peer, _service, _options),
            $"session-{++_accepted}");
        Context.Watch(child);
        RSerPoolMetrics.SessionStarted();
        _open++;
    }
}
