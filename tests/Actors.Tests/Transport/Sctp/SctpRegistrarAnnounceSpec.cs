// A registrar serving ASAP over SCTP too names both transports in its Server Announce (docs/protocol-notes.md §7), SCTP first, so
// a PE or PU that speaks SCTP finds the SCTP port; where the kernel has no SCTP it names TCP alone.
using System.Net;
using System.Net.Sockets;
using Akka.TestKit;
using RSerPool.TestKit;
using RSerPool.Actors.Registrar;
using RSerPool.Actors.Transport;
using RSerPool.Wire.Codec;
using RSerPool.Wire.Messages.Asap;
using RSerPool.Wire.Parameters;
using Xunit;

namespace RSerPool.Actors.Tests.Transport.Sctp;

public sealed class SctpRegistrarAnnounceSpec : RealTimeTestKit, IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private readonly Socket _announceReceiver = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);

    public SctpRegistrarAnnounceSpec()
        : base() => _announceReceiver.Bind(new IPEndPoint(IPAddress.Loopback, 0));

    void IDisposable.Dispose()
    {
        _announceReceiver.Dispose();
        Dispose();
    }

    [SctpFact]
    public async Task The_announce_names_the_sctp_and_the_tcp_endpoint()
    {
        var (started, announce) = await StartAndReceiveAnnounceAsync();

        Assert.NotNull(started.AsapSctpEndPoint);
        Assert.Equal(2, announce.Transports.Count);
        var sctp = Assert.IsType<SctpTransport>(announce.Transports[0]);
        Assert.Equal(started.AsapSctpEndPoint!.Port, sctp.Port);
        Assert.Equal([IPAddress.Loopback], sctp.Addresses.ToArray());
        var tcp = Assert.IsType<TcpTransport>(announce.Transports[1]);
        Assert.Equal(started.AsapEndPoint.Port, tcp.Port);
    }

    [NoSctpFact]
    public async Task The_announce_names_tcp_alone_where_the_kernel_has_no_sctp()
    {
        var (started, announce) = await StartAndReceiveAnnounceAsync();

        Assert.Null(started.AsapSctpEndPoint);
        var tcp = Assert.IsType<TcpTransport>(Assert.Single(announce.Transports));
        Assert.Equal(started.AsapEndPoint.Port, tcp.Port);
    }

    [SctpFact]
    public async Task Asap_over_sctp_follows_the_tcp_listeners_bound_port()
    {
        var observer = CreateTestProbe();
        var settings = new RegistrarSettings
        {
            ServerId = 0x5e5e0004,
            AsapEndPoint = new IPEndPoint(IPAddress.Loopback, 0),
            AsapSctpOnTcpEndPoint = true,
            AsapAnnounce = new AnnounceSettings([], TimeSpan.FromSeconds(1)),
        };
        Sys.ActorOf(RegistrarActor.Props(settings, observer.Ref), "registrar-on-tcp-port");
        var started = await observer.ExpectMsgAsync<RegistrarStarted>(Timeout);

        Assert.Equal(started.AsapEndPoint, started.AsapSctpEndPoint);
    }

    [NoSctpFact]
    public async Task The_registrar_serves_tcp_alone_when_sctp_should_follow_it_on_a_kernel_without_sctp()
    {
        var observer = CreateTestProbe();
        var settings = new RegistrarSettings
        {
            ServerId = 0x5e5e0005,
            AsapEndPoint = new IPEndPoint(IPAddress.Loopback, 0),
            AsapSctpOnTcpEndPoint = true,
            AsapAnnounce = new AnnounceSettings([], TimeSpan.FromSeconds(1)),
        };
        Sys.ActorOf(RegistrarActor.Props(settings, observer.Ref), "registrar-tcp-only");
        var started = await observer.ExpectMsgAsync<RegistrarStarted>(Timeout);

        Assert.Null(started.AsapSctpEndPoint);
        Assert.NotEqual(0, started.AsapEndPoint.Port);
    }

    private async Task<(RegistrarStarted Started, AsapServerAnnounce Announce)> StartAndReceiveAnnounceAsync()
    {
        var settings = new RegistrarSettings
        {
            ServerId = 0x5e5e0003,
            AsapEndPoint = new IPEndPoint(IPAddress.Loopback, 0),
            AsapSctpEndPoint = new IPEndPoint(IPAddress.Loopback, 0),
            AsapAnnounce = new AnnounceSettings([(IPEndPoint)_announceReceiver.LocalEndPoint!], TimeSpan.FromSeconds(1)),
        };
        var observer = CreateTestProbe();
        Sys.ActorOf(RegistrarActor.Props(settings, observer.Ref), "registrar");
        var started = await observer.ExpectMsgAsync<RegistrarStarted>(Timeout);

        var buffer = new byte[512];
        using var timeout = new CancellationTokenSource(Timeout);
        var received = await _announceReceiver.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), timeout.Token);
        var announce = Assert.IsType<AsapServerAnnounce>(AsapDecoder.Decode(buffer.AsSpan(0, received.ReceivedBytes)));
        return (started, announce);
    }
}
