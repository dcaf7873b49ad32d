using System.Net;
using System.Net.Sockets;
using RSerPool.Actors.Enrp;
using Akka.TestKit;
using RSerPool.TestKit;
using RSerPool.Actors.Registrar;
using RSerPool.Actors.Transport;
using RSerPool.Wire.Codec;
using RSerPool.Wire.Messages.Asap;
using RSerPool.Wire.Parameters;
using Xunit;

namespace RSerPool.Actors.Tests.Registrar;

/// <summary>Registrar start-up: the observer's notifications and the ASAP Server Announce (docs/protocol-notes.md §7), on loopback.</summary>
public sealed class RegistrarStartSpec : VirtualTimeTestKit, IDisposable
{
    private const uint ServerId = 0x5e5e0002;
    private readonly Socket _announceReceiver = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);

    public RegistrarStartSpec() => _announceReceiver.Bind(new IPEndPoint(IPAddress.Loopback, 0));

    void IDisposable.Dispose()
    {
        _announceReceiver.Dispose();
        Dispose();
    }

    private static RegistrarSettings SettingsFor(IPEndPoint asap, AnnounceSettings announce) => new()
    {
        ServerId = ServerId,
        AsapEndPoint = asap,
        AsapAnnounce = announce,
    };

    // The datagram would be sent from the actor on the calling thread, but its delivery on loopback is the kernel's:
    // wait as long as ExpectNoMsg does before concluding none came.
    private void AssertNoDatagram() =>
        Assert.False(_announceReceiver.Poll(TestKitSettings.ExpectNoMessageDefault, SelectMode.SelectRead), "a datagram arrived");

    [Fact]
    public async Task The_registrar_announces_its_id_and_tcp_endpoint_from_the_asap_port()
    {
        var announce = new AnnounceSettings([(IPEndPoint)_announceReceiver.LocalEndPoint!], TimeSpan.FromSeconds(1));
        var observer = CreateTestProbe();
        ActorOf(RegistrarActor.Props(SettingsFor(new IPEndPoint(IPAddress.Loopback, 0), announce), observer.Ref), "registrar");
        var started = observer.ExpectMsg<RegistrarStarted>();

        var buffer = new byte[256];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var received = await _announceReceiver.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), timeout.Token);

        var message = Assert.IsType<AsapServerAnnounce>(AsapDecoder.Decode(buffer.AsSpan(0, received.ReceivedBytes)));
        Assert.Equal(ServerId, message.ServerIdentifier);
        var transport = Assert.IsType<TcpTransport>(Assert.Single(message.Transports));
        Assert.Equal(started.AsapEndPoint.Port, transport.Port);
        Assert.Equal([IPAddress.Loopback], transport.Addresses.ToArray());
        Assert.Equal(started.AsapEndPoint.Port, ((IPEndPoint)received.RemoteEndPoint).Port);
    }

    [Fact]
    public void A_busy_asap_endpoint_is_reported_to_the_observer_and_the_registrar_stops()
    {
        using var occupant = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        occupant.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        occupant.Listen();
        var busy = (IPEndPoint)occupant.LocalEndPoint!;
        var observer = CreateTestProbe();

        var registrar = ActorOf(RegistrarActor.Props(SettingsFor(busy, new AnnounceSettings([], TimeSpan.FromSeconds(1))), observer.Ref), "registrar");
        observer.Watch(registrar);

        Assert.Equal(busy, observer.ExpectMsg<RegistrarStartFailed>().AsapEndPoint);
        observer.ExpectTerminated(registrar);
    }

    [Fact]
    public async Task On_an_unspecified_address_the_announce_carries_only_the_server_id_sent_from_the_asap_port()
    {
        // RFC 5352 §2.2.10, docs/protocol-notes.md §7: receivers then use the datagram's source address and port (the RSPLIB form, 8 bytes).
        var announce = new AnnounceSettings([(IPEndPoint)_announceReceiver.LocalEndPoint!], TimeSpan.FromSeconds(1));
        var observer = CreateTestProbe();
        ActorOf(RegistrarActor.Props(SettingsFor(new IPEndPoint(IPAddress.Any, 0), announce), observer.Ref), "registrar");
        var started = observer.ExpectMsg<RegistrarStarted>();

        var buffer = new byte[256];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var received = await _announceReceiver.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), timeout.Token);

        Assert.Equal(8, received.ReceivedBytes);
        Assert.Equal(new AsapServerAnnounce(ServerId), AsapDecoder.Decode(buffer.AsSpan(0, received.ReceivedBytes)));
        Assert.Equal(started.AsapEndPoint.Port, ((IPEndPoint)received.RemoteEndPoint).Port);
    }

    [Fact]
    public async Task No_announce_goes_out_before_the_enrp_startup_phase_is_over()
    {
        // docs/protocol-notes.md §10: a registrar still waiting for a mentor is not announced to PEs.
        var announce = new AnnounceSettings([(IPEndPoint)_announceReceiver.LocalEndPoint!], TimeSpan.FromSeconds(1));
        var settings = SettingsFor(new IPEndPoint(IPAddress.Loopback, 0), announce) with
        {
            Enrp = new EnrpSettings { EndPoint = new IPEndPoint(IPAddress.Loopback, 0), MentorDiscoveryTimeout = TimeSpan.FromSeconds(5) },
        };
        var observer = CreateTestProbe();
        ActorOf(RegistrarActor.Props(settings, observer.Ref), "registrar");
        observer.ExpectMsg<RegistrarStarted>();

        Advance(TimeSpan.FromSeconds(4.9));
        AssertNoDatagram();

        Advance(TimeSpan.FromMilliseconds(200));
        var buffer = new byte[256];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var received = await _announceReceiver.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), timeout.Token);
        Assert.Equal(ServerId, Assert.IsType<AsapServerAnnounce>(AsapDecoder.Decode(buffer.AsSpan(0, received.ReceivedBytes))).ServerIdentifier);
    }
}
