// PE user-transport listener for session mode (services draft §3.3): one session-<n> child per PU connection.
using System.Net;
using System.Net.Sockets;
using Akka.Actor;
using RSerPool.Actors.Transport;
using Akka.Event;

namespace RSerPool.Actors.Session;

/// <summary>
/// Listens on one TCP endpoint (port 0 = any free port), completes <c>bound</c> with the real endpoint (or the bind
/// error), and runs each accepted connection as a <see cref="PoolElementSessionActor"/> child. Connections beyond
/// <see cref="PoolElementServerOptions.MaxSessions"/> are closed at once. Stopping the actor closes every session.
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
    private long _accepted;
    private int _open;

    public PoolElementServerActor(IPEndPoint endpoint, IPoolElementService service, PoolElementServerOptions options, TaskCompletionSource<IPEndPoint> bound)
    {
        _endpoint = endpoint;
        _service = service;
        _options = options;
        _bound = bound;
        _log = Context.GetLogger();

        Receive<SocketAccepted>(accepted => Accept(accepted.Socket));
        Receive<Terminated>(_ => _open--);
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
        if (_open >= _options.MaxSessions)
        {
            _log.Warning("PE server: refusing connection from {Peer}: {Limit} sessions open", socket.RemoteEndPoint, _options.MaxSessions);
            socket.Dispose();
            return;
        }

        socket.NoDelay = true;
        var child = Context.ActorOf(PoolElementSessionActor.Props(socket, _service, _options), $"session-{++_accepted}");
        Context.Watch(child);
        _open++;
    }
}
