// PE user-transport listener for session mode (services draft §3.3): one session-<n> child per PU connection.
using System.Net;
using System.Net.Sockets;
using Akka.Actor;
using RSerPool.Actors.Transport;
using Akka.Event;
using RSerPool.Actors.Metrics;

namespace RSerPool.Actors.Session;

/// <summary>
/// Listens on one TCP endpoint (port 0 = any free port), completes <c>bound</c> with the real endpoint (or the bind
/// error), and runs each accepted connection as a <see cref="PoolElementSessionActor"/> child. Connections beyond
/// <see cref="PoolElementServerOptions.MaxSessions"/>, or beyond <see cref="PoolElementServerOptions.MaxSessionsPerHost"/> from
/// one source address, are closed at once (logged once per cause and address until it clears). Stopping the actor
/// closes every session.
/// </summary>
internal sealed class PoolElementServerActor : ReceiveActor
{
    private readonly IPEndPoint _endpoint;
    private readonly IPoolElementService _service;
    private readonly PoolElementServerOptions _options;
    private readonly TaskCompletionSource<IPEndPoint> _bound;
    private readonly ILoggingAdapter _log;
    private readonly CancellationTokenSource _stop = new();
    private Socket? _listener;
    private readonly ConnectionAdmission _admission;
    private long _accepted;

    public PoolElementServerActor(IPEndPoint endpoint, IPoolElementService service, PoolElementServerOptions options, TaskCompletionSource<IPEndPoint> bound)
    {
        _endpoint = endpoint;
        _service = service;
        _options = options;
        _bound = bound;
        _log = Context.GetLogger();
        _admission = new ConnectionAdmission("PE server", "sessions", options.MaxSessions, options.MaxSessionsPerHost, _log);

        Receive<SocketAccepted>(accepted => Accept(accepted.Socket));
        Receive<Terminated>(terminated =>
        {
            _admission.Ended(terminated.ActorRef);
            RSerPoolMetrics.SessionEnded();
        });
    }

    public static Props Props(IPEndPoint endpoint, IPoolElementService service, PoolElementServerOptions options, TaskCompletionSource<IPEndPoint> bound) =>
        Akka.Actor.Props.Create(() => new PoolElementServerActor(endpoint, service, options, bound));

    protected override void PreStart()
    {
        var socket = new Socket(_endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            if (_endpoint.AddressFamily == AddressFamily.InterNetworkV6)
            {
                socket.DualMode = _endpoint.Address.Equals(IPAddress.IPv6Any);
            }

            socket.Bind(_endpoint);
            socket.Listen(_options.Backlog);
        }
        catch (SocketException e)
        {
            socket.Dispose();
            _log.Error("PE server cannot listen on TCP {EndPoint}: {Reason}", _endpoint, e.Message);
            _bound.TrySetException(e);
            Context.Stop(Self);
            return;
        }

        _listener = socket;
        var local = (IPEndPoint)socket.LocalEndPoint!;
        _log.Info("PE server listening on TCP {EndPoint}", local);
        _bound.TrySetResult(local);
        _ = TcpAcceptLoop.RunAsync(socket, Self, _stop.Token);
    }

    protected override void PostStop()
    {
        _stop.Cancel();
        _listener?.Dispose();
        _stop.Dispose();
        _bound.TrySetException(new ObjectDisposedException("PoolElementServer"));
    }

    private void Accept(Socket socket)
    {
        if (!_admission.TryAdmit(socket, out IPAddress host, out _))
        {
            return;
        }

        socket.NoDelay = true;
        var child = Context.ActorOf(PoolElementSessionActor.Props(socket, _service, _options), $"session-{++_accepted}");
        Context.Watch(child);
        _admission.Started(child, host);
        RSerPoolMetrics.SessionStarted();
    }
}
