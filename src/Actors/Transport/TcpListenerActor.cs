using System.Net;
using System.Net.Sockets;
using Akka.Actor;
using Akka.Event;

namespace RSerPool.Actors.Transport;

/// <summary>
/// Listens on one TCP endpoint (port 0 = any free port) and runs each accepted connection as a child
/// <see cref="TcpAssociationActor{TMessage}"/> (association-1, association-2, ...) whose handler is
/// <c>handler</c>. Tells the handler <see cref="Bound"/> or <see cref="BindFailed"/>. Connections beyond
/// <c>maxAssociations</c>, or beyond <see cref="AssociationSettings.MaxAssociationsPerHost"/> from one source address, are
/// refused (closed at once) so memory stays bounded and one host cannot take every slot; each refusal is counted and
/// logged once per cause and offending address (until that address falls below its limit again).
/// </summary>
public sealed class TcpListenerActor<TMessage> : ReceiveActor
    where TMessage : class
{
    private readonly IPEndPoint _endpoint;
    private readonly IActorRef _handler;
    private readonly IWireCodec<TMessage> _codec;
    private readonly AssociationSettings _settings;
    private readonly ILoggingAdapter _log;
    private readonly CancellationTokenSource _stop = new();
    private Socket? _listener;
    private readonly ConnectionAdmission _admission;
    private long _accepted;

    public TcpListenerActor(IPEndPoint endpoint, IActorRef handler, IWireCodec<TMessage> codec, AssociationSettings settings, int maxAssociations)
    {
        _endpoint = endpoint;
        _handler = handler;
        _codec = codec;
        _settings = settings;
        _log = Context.GetLogger();
        _admission = new ConnectionAdmission(codec.Name, "associations", maxAssociations, settings.MaxAssociationsPerHost, _log);

        Receive<SocketAccepted>(accepted => Accept(accepted.Socket));
        Receive<Terminated>(terminated => _admission.Ended(terminated.ActorRef));
    }

    public static Props Props(IPEndPoint endpoint, IActorRef handler, IWireCodec<TMessage> codec, AssociationSettings settings, int maxAssociations) =>
        Akka.Actor.Props.Create(() => new TcpListenerActor<TMessage>(endpoint, handler, codec, settings, maxAssociations));

    // A failed association actor stops (its socket closes, the handler sees it end) and is never restarted on the
    // same socket, which would announce the association a second time.
    protected override SupervisorStrategy SupervisorStrategy() => Akka.Actor.SupervisorStrategy.StoppingStrategy;

    protected override void PreStart()
    {
        var socket = new Socket(_endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            if (_endpoint.AddressFamily == AddressFamily.InterNetworkV6)
            {
                socket.DualMode = _endpoint.Address.Equals(IPAddress.IPv6Any);
            }
            // No ReuseAddress: on Linux .NET maps it to SO_REUSEPORT too, and a second registrar must not share the port.
            socket.Bind(_endpoint);
            socket.Listen(512);
        }
        catch (SocketException e)
        {
            socket.Dispose();
            _log.Error("{Protocol} cannot listen on TCP {EndPoint}: {Reason}", _codec.Name, _endpoint, e.Message);
            _handler.Tell(new BindFailed(_endpoint, e.Message), Self);
            Context.Stop(Self);
            return;
        }
        _listener = socket;
        var local = (IPEndPoint)socket.LocalEndPoint!;
        _log.Info("{Protocol} listening on TCP {EndPoint}", _codec.Name, local);
        _handler.Tell(new Bound(Self, local), Self);
        _ = TcpAcceptLoop.RunAsync(socket, Self, _stop.Token);
    }

    protected override void PostStop()
    {
        _stop.Cancel();
        _listener?.Dispose();
        _stop.Dispose();
    }

    private void Accept(Socket socket)
    {
        if (!_admission.TryAdmit(socket, out IPAddress host, out ConnectionEvent refusal))
        {
            _settings.Counters.Count(refusal);
            return;
        }
        socket.NoDelay = true;
        var child = Context.ActorOf(TcpAssociationActor<TMessage>.Props(socket, _handler, _codec, _settings, accepted: true), $"association-{++_accepted}");
        Context.Watch(child);
        _admission.Started(child, host);
    }
}
