// Receives ASAP Server Announces over UDP (RFC 5352 §2.2.10, §3.6; docs/protocol-notes.md §7).
using System.Net;
using System.Net.Sockets;
using Akka.Actor;
using Akka.Event;
using RSerPool.Wire.Codec;
using RSerPool.Wire.Messages.Asap;
using RSerPool.Wire.Parameters;
using RSerPool.Actors.Transport;

namespace RSerPool.Actors.RegistrarClient;

/// <summary>
/// Owns one UDP socket bound to the announce endpoint (joining the group when it is a multicast address) and tells
/// its parent <see cref="AnnounceListenerBound"/> once, then <see cref="ServerAnnounceReceived"/> per valid announce.
/// The registrar's ASAP endpoint is the announce's TCP transport, or its SCTP one for a client that speaks SCTP
/// (else the other: our registrars serve both on one port number by default); a transport without addresses means the datagram's source address; without any transport, the
/// source address and source port (docs/protocol-notes.md §7, RSPLIB). Anything else on the socket is dropped.
/// </summary>
public sealed class ServerAnnounceListenerActor : ReceiveActor
{
    private const int MaxDatagram = 65_535;
    private readonly IPEndPoint _listen;
    private readonly bool _preferSctp;
    private readonly ILoggingAdapter _log;
    private readonly CancellationTokenSource _stop = new();
    private Socket? _socket;

    public ServerAnnounceListenerActor(IPEndPoint listen, bool preferSctp)
    {
        _listen = listen;
        _preferSctp = preferSctp;
        _log = Context.GetLogger();
    }

    public static Props Props(IPEndPoint listen, bool preferSctp = false) => Akka.Actor.Props.Create(() => new ServerAnnounceListenerActor(listen, preferSctp));

    /// <summary>
    /// The ASAP endpoint an announce from <paramref name="source"/> names (docs/protocol-notes.md §7): its TCP Transport, or its
    /// SCTP one when <paramref name="preferSctp"/> (the client speaks SCTP), else the other; the source when it has none.
    /// </summary>
    public static IPEndPoint AsapEndPointOf(AsapServerAnnounce announce, IPEndPoint source, bool preferSctp = false)
    {
        ArgumentNullException.ThrowIfNull(announce);
        ArgumentNullException.ThrowIfNull(source);
        TransportParameter? tcp = announce.Transports.FirstOrDefault(t => t is TcpTransport);
        TransportParameter? sctp = announce.Transports.FirstOrDefault(t => t is SctpTransport);
        TransportParameter? chosen = preferSctp ? sctp ?? tcp : tcp ?? sctp;
        if (chosen is null)
        {
            return source;
        }

        IPAddress address = chosen.Addresses.FirstOrDefault(a => !TransportAddresses.IsUnspecified(a)) ?? source.Address;
        return new IPEndPoint(address, chosen.Port);
    }

    protected override void PreStart()
    {
        bool multicast = IsMulticast(_listen.Address);
        var socket = new Socket(_listen.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        if (multicast)
        {
            socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            IPAddress any = _listen.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any;
            socket.Bind(new IPEndPoint(any, _listen.Port));
            if (_listen.AddressFamily == AddressFamily.InterNetworkV6)
            {
                socket.SetSocketOption(SocketOptionLevel.IPv6, SocketOptionName.AddMembership, new IPv6MulticastOption(_listen.Address));
            }
            else
            {
                socket.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.AddMembership, new MulticastOption(_listen.Address));
            }
        }
        else
        {
            socket.Bind(_listen);
        }

        _socket = socket;
        var bound = (IPEndPoint)socket.LocalEndPoint!;
        _log.Info("listening for ASAP Server Announces on UDP {EndPoint}{Group}", bound, multicast ? $" (group {_listen.Address})" : string.Empty);
        Context.Parent.Tell(new AnnounceListenerBound(multicast ? new IPEndPoint(_listen.Address, bound.Port) : bound), Self);
        _ = ReceiveLoopAsync(socket, Context.Parent, _log, _preferSctp, _stop.Token);
    }

    protected override void PostStop()
    {
        _stop.Cancel();
        _socket?.Dispose();
        _stop.Dispose();
    }

    private static bool IsMulticast(IPAddress address) => address.AddressFamily == AddressFamily.InterNetworkV6
        ? address.IsIPv6Multicast
        : (address.GetAddressBytes()[0] & 0xF0) == 0xE0;

    private static async Task ReceiveLoopAsync(Socket socket, IActorRef parent, ILoggingAdapter log, bool preferSctp, CancellationToken cancel)
    {
        var buffer = new byte[MaxDatagram];
        EndPoint any = socket.AddressFamily == AddressFamily.InterNetworkV6 ? new IPEndPoint(IPAddress.IPv6Any, 0) : new IPEndPoint(IPAddress.Any, 0);
        while (!cancel.IsCancellationRequested)
        {
            SocketReceiveFromResult received;
            try
            {
                received = await socket.ReceiveFromAsync(buffer, SocketFlags.None, any, cancel).ConfigureAwait(false);
            }
            catch (SocketException e) when (e.SocketErrorCode is SocketError.ConnectionReset or SocketError.MessageSize)
            {
                continue;
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            var source = (IPEndPoint)received.RemoteEndPoint;
            if (AsapDecoder.TryDecode(buffer.AsSpan(0, received.ReceivedBytes), out AsapMessage? message, out var error)
                && message is AsapServerAnnounce announce && announce.ServerIdentifier != 0)
            {
                parent.Tell(new ServerAnnounceReceived(announce.ServerIdentifier, AsapEndPointOf(announce, source, preferSctp)), ActorRefs.NoSender);
            }
            else
            {
                log.Debug("announce socket: dropped a datagram from {Source} ({Error})", source, error.IsSuccess ? message?.Type.ToString() ?? "?" : error.ToString());
            }
        }
    }
}
