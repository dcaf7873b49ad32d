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
    private readonly Dictionary<IActorRef, IPAddress> _hostOf = [];
    private readonly Dictionary<IPAddress, int> _openPerHost = [];
    private readonly HashSet<IPAddress> _hostsRefused = [];
    private bool _refusingAll;
    private long _accepted;
    private long _refused;

    public PoolElementServerActor(IPEndPoint endpoint, IPoolElementService service, PoolElementServerOptions options, TaskCompletionSource<IPEndPoint> bound)
    {
        _endpoint = endpoint;
        _service = service;
        _options = options;
        _bound = bound;
        _log = Context.GetLogger();

        Receive<SocketAccepted>(accepted => Accept(accepted.Socket));
        Receive<Terminated>(terminated => Closed(terminated.ActorRef));
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
        IPAddress host = socket.RemoteEndPoint is IPEndPoint remote
            ? (remote.Address.IsIPv4MappedToIPv6 ? remote.Address.MapToIPv4() : remote.Address)
            : IPAddress.None;
        int fromHost = _openPerHost.GetValueOrDefault(host);
        if (_hostOf.Count >= _options.MaxSessions)
        {
            Refuse(socket, host, !_refusingAll, $"{_options.MaxSessions} sessions open");
            _refusingAll = true;
            return;
        }

        if (fromHost >= _options.MaxSessionsPerHost)
        {
            Refuse(socket, host, _hostsRefused.Add(host), $"{_options.MaxSessionsPerHost} sessions open from this address");
            return;
        }

        socket.NoDelay = true;
        var child = Context.ActorOf(PoolElementSessionActor.Props(socket, _service, _options), $"session-{++_accepted}");
        Context.Watch(child);
        _hostOf.Add(child, host);
        _openPerHost[host] = fromHost + 1;
    }

    private void Refuse(Socket socket, IPAddress host, bool firstTime, string cause)
    {
        _refused++;
        if (firstTime)
        {
            _log.Warning("PE server: refusing connections from {Host}: {Cause} ({Refused} refused so far; logged once until it clears)", host, cause, _refused);
        }

        socket.Dispose();
    }

    private void Closed(IActorRef child)
    {
        if (!_hostOf.Remove(child, out IPAddress? host))
        {
            return;
        }

        int left = _openPerHost[host] - 1;
        if (left == 0)
        {
            _openPerHost.Remove(host);
        }
        else
        {
            _openPerHost[host] = left;
        }

        _hostsRefused.Remove(host);
        if (_hostOf.Count < _options.MaxSessions)
        {
            _refusingAll = false;
        }
    }
}
