// ENRP Presence over UDP, multicast and unicast (RFC 5353 §3.1, §3.4; RSPLIB group 239.0.0.51:9901).
using System.Net;
using System.Net.Sockets;
using Akka.Actor;
using Akka.Event;
using RSerPool.Wire;
using RSerPool.Wire.Codec;
using RSerPool.Wire.Messages.Enrp;

namespace RSerPool.Actors.Enrp;

/// <summary>
/// Owns one UDP socket on the ENRP address and port: joins the multicast groups among the targets, sends each
/// heartbeat's Presence to every target (<see cref="SendPresenceDatagram"/>) and tells its parent every Presence
/// received (<see cref="UdpPresenceReceived"/>). Anything else, or anything undecodable, is dropped without answer
/// (RSPLIB never answers multicast input). Without a socket (bind failed) it logs once and does nothing.
/// </summary>
internal sealed class UdpPresenceActor : ReceiveActor
{
    private readonly IPEndPoint _local;
    private readonly IReadOnlyList<IPEndPoint> _targets;
    private readonly int _timeToLive;
    private readonly WireLimits _limits;
    private readonly ILoggingAdapter _log;
    private readonly CancellationTokenSource _stop = new();
    private Socket? _socket;

    public UdpPresenceActor(IPEndPoint local, IReadOnlyList<IPEndPoint> targets, int timeToLive, WireLimits limits)
    {
        _local = local;
        _targets = targets;
        _timeToLive = timeToLive;
        _limits = limits;
        _log = Context.GetLogger();

        Receive<SendPresenceDatagram>(send =>
        {
            foreach (IPEndPoint target in _targets)
            {
                try
                {
                    _socket?.SendTo(send.Datagram, target);
                }
                catch (SocketException e)
                {
                    _log.Debug("ENRP Presence to {Target} by UDP failed: {Reason}", target, e.SocketErrorCode);
                }
            }
        });
        Receive<UdpPresenceReceived>(received => Context.Parent.Tell(received, Self));
    }

    public static Props Props(IPEndPoint local, IReadOnlyList<IPEndPoint> targets, int timeToLive, WireLimits limits) =>
        Akka.Actor.Props.Create(() => new UdpPresenceActor(local, targets, timeToLive, limits));

    protected override void PreStart()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            bool joins = _targets.Any(t => IsMulticast(t.Address));
            // A multicast receiver binds the wildcard address; a unicast one the ENRP address.
            socket.Bind(new IPEndPoint(joins ? IPAddress.Any : _local.Address, _local.Port));
            socket.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.MulticastTimeToLive, _timeToLive);
            socket.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.MulticastLoopback, true);
            foreach (IPAddress group in _targets.Select(t => t.Address).Where(IsMulticast).Distinct())
            {
                socket.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.AddMembership, new MulticastOption(group, IPAddress.Any));
            }
        }
        catch (SocketException e)
        {
            _log.Warning("ENRP Presence by UDP off: cannot use UDP {EndPoint}: {Reason}", _local, e.Message);
            socket.Dispose();
            return;
        }

        _socket = socket;
        _ = ReceiveLoopAsync(socket, Self, _stop.Token);
    }

    protected override void PostStop()
    {
        _stop.Cancel();
        _socket?.Dispose();
        _stop.Dispose();
    }

    private static bool IsMulticast(IPAddress address) =>
        address.AddressFamily == AddressFamily.InterNetwork && (address.GetAddressBytes()[0] & 0xF0) == 0xE0;

    private async Task ReceiveLoopAsync(Socket socket, IActorRef self, CancellationToken cancel)
    {
        var buffer = new byte[_limits.MaxMessageLength];
        EndPoint any = new IPEndPoint(IPAddress.Any, 0);
        try
        {
            while (true)
            {
                SocketReceiveFromResult result = await socket.ReceiveFromAsync(buffer, SocketFlags.None, any, cancel).ConfigureAwait(false);
                if (EnrpDecoder.TryDecode(buffer.AsSpan(0, result.ReceivedBytes), _limits, out EnrpMessage? message, out _, out _)
                    && message is EnrpPresence presence && result.RemoteEndPoint is IPEndPoint source)
                {
                    self.Tell(new UdpPresenceReceived(presence, source), ActorRefs.NoSender);
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // Stopped (or the socket failed): Presence by UDP ends; TCP peering goes on.
            return;
        }
    }
}
