using System.Net;
using System.Net.Sockets;
using Akka.Actor;
using Akka.Event;

namespace RSerPool.Actors.Transport;

/// <summary>
/// Sends one prepared announcement datagram to every target, every interval with RSPLIB's uniform ±12.5 % jitter
/// (docs/protocol-notes.md §7: next = cycle × (0.875 + 0.25 r)). The socket is bound to <c>sourcePort</c> when possible, because
/// receivers of an ASAP Server Announce without a transport parameter use the datagram's source address and port
/// as the registrar's endpoint (docs/protocol-notes.md §7). <see cref="UpdateAnnouncement"/> replaces the bytes sent.
/// </summary>
public sealed class UdpAnnouncerActor : ReceiveActor, IWithTimers
{
    private static readonly object TickKey = new();
    private readonly AnnounceSettings _settings;
    private readonly IPAddress _sourceAddress;
    private readonly int _sourcePort;
    private readonly Random _random;
    private readonly ILoggingAdapter _log;
    private readonly List<Socket> _sockets = new();
    private byte[] _datagram;

    public UdpAnnouncerActor(AnnounceSettings settings, IPAddress sourceAddress, int sourcePort, byte[] datagram, Random random)
    {
        _settings = settings;
        _sourceAddress = sourceAddress;
        _sourcePort = sourcePort;
        _datagram = datagram;
        _random = random;
        _log = Context.GetLogger();

        Receive<AnnounceTick>(_ => Announce());
        Receive<UpdateAnnouncement>(update => _datagram = update.Datagram);
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(AnnounceSettings settings, IPAddress sourceAddress, int sourcePort, byte[] datagram, Random random) =>
        Akka.Actor.Props.Create(() => new UdpAnnouncerActor(settings, sourceAddress, sourcePort, datagram, random));

    protected override void PreStart()
    {
        if (!_settings.Enabled)
        {
            return;
        }
        foreach (var family in _settings.Targets.Select(t => t.AddressFamily).Distinct())
        {
            _sockets.Add(OpenSocket(family));
        }
        // The first announce goes out now, not from a zero-delay timer: Akka's scheduler fires such a timer only at
        // its next tick (and a TestScheduler only on Advance), while receivers should learn of this server at once.
        Announce();
    }

    protected override void PostStop()
    {
        foreach (var socket in _sockets)
        {
            socket.Dispose();
        }
    }

    private Socket OpenSocket(AddressFamily family)
    {
        var socket = new Socket(family, SocketType.Dgram, ProtocolType.Udp);
        socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        var address = _sourceAddress.AddressFamily == family ? _sourceAddress
            : family == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any;
        try
        {
            socket.Bind(new IPEndPoint(address, _sourcePort));
        }
        catch (SocketException e)
        {
            _log.Warning("announcer: cannot bind UDP source port {Port} ({Reason}); sending from an ephemeral port", _sourcePort, e.Message);
            socket.Bind(new IPEndPoint(address, 0));
        }
        if (family == AddressFamily.InterNetwork)
        {
            socket.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.MulticastTimeToLive, _settings.MulticastTimeToLive);
            socket.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.MulticastLoopback, true);
        }
        else
        {
            socket.SetSocketOption(SocketOptionLevel.IPv6, SocketOptionName.MulticastTimeToLive, _settings.MulticastTimeToLive);
            socket.SetSocketOption(SocketOptionLevel.IPv6, SocketOptionName.MulticastLoopback, true);
        }
        return socket;
    }

    private void Announce()
    {
        foreach (var target in _settings.Targets)
        {
            var socket = _sockets.First(s => s.AddressFamily == target.AddressFamily);
            try
            {
                socket.SendTo(_datagram, target);
            }
            catch (SocketException e)
            {
                _log.Debug("announcer: sending to {Target} failed: {Reason}", target, e.SocketErrorCode);
            }
        }
        var next = _settings.Interval * (0.875 + (0.25 * _random.NextDouble()));
        Timers.StartSingleTimer(TickKey, AnnounceTick.Instance, next);
    }
}
