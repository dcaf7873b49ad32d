using System.Net;
using System.Net.Sockets;
using Akka.TestKit;
using RSerPool.TestKit;
using RSerPool.Actors.Transport;
using Xunit;

namespace RSerPool.Actors.Tests.Transport;

/// <summary>The UDP announcer on virtual time: first announce at once, then every interval ±12.5 % (docs/protocol-notes.md §7), from the given source port.</summary>
public sealed class UdpAnnouncerSpec : VirtualTimeTestKit, IDisposable
{
    private readonly Socket _receiver = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);

    public UdpAnnouncerSpec()
    {
        _receiver.Bind(new IPEndPoint(IPAddress.Loopback, 0));
    }

    void IDisposable.Dispose()
    {
        _receiver.Dispose();
        Dispose();
    }

    private IPEndPoint ReceiverEndPoint => (IPEndPoint)_receiver.LocalEndPoint!;

    private async Task<(byte[] Datagram, IPEndPoint Source)> ReceiveAsync()
    {
        var buffer = new byte[64];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var result = await _receiver.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), timeout.Token);
        return (buffer[..result.ReceivedBytes], (IPEndPoint)result.RemoteEndPoint);
    }

    private static int FreeUdpPort()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }

    // The datagram would be sent from the actor on the calling thread, but its delivery on loopback is the kernel's:
    // wait as long as ExpectNoMsg does before concluding none came.
    private void AssertNoDatagram() =>
        Assert.False(_receiver.Poll(TestKitSettings.ExpectNoMessageDefault, SelectMode.SelectRead), "a datagram arrived");

    [Fact]
    public async Task Announces_at_start_then_within_the_jittered_interval_from_the_source_port()
    {
        int sourcePort = FreeUdpPort();
        byte[] announce = [0x0a, 0x00, 0x00, 0x08, 0x0a, 0x0b, 0x0c, 0x0d];
        var settings = new AnnounceSettings([ReceiverEndPoint], TimeSpan.FromMilliseconds(1000));
        ActorOf(UdpAnnouncerActor.Props(settings, IPAddress.Loopback, sourcePort, announce, new Random(7)), "announcer");

        var (first, source) = await ReceiveAsync();
        Assert.Equal(announce, first);
        Assert.Equal(sourcePort, source.Port);

        Advance(TimeSpan.FromMilliseconds(874));
        AssertNoDatagram();

        Advance(TimeSpan.FromMilliseconds(1125 - 874));
        Assert.Equal(announce, (await ReceiveAsync()).Datagram);
    }

    [Fact]
    public async Task An_updated_announcement_replaces_the_bytes_sent()
    {
        var settings = new AnnounceSettings([ReceiverEndPoint], TimeSpan.FromMilliseconds(1000));
        var announcer = ActorOf(UdpAnnouncerActor.Props(settings, IPAddress.Loopback, 0, [0x0a, 0x00, 0x00, 0x08, 0, 0, 0, 1], new Random(7)), "announcer");
        await ReceiveAsync();

        byte[] updated = [0x0a, 0x00, 0x00, 0x08, 0, 0, 0, 2];
        announcer.Tell(new UpdateAnnouncement(updated), TestActor);
        Advance(TimeSpan.FromMilliseconds(1125));

        Assert.Equal(updated, (await ReceiveAsync()).Datagram);
    }

    [Fact]
    public void With_no_targets_nothing_is_sent()
    {
        var settings = new AnnounceSettings([], TimeSpan.FromMilliseconds(1000));
        ActorOf(UdpAnnouncerActor.Props(settings, IPAddress.Loopback, 0, [0x0a, 0x00, 0x00, 0x08, 0, 0, 0, 1], new Random(7)), "announcer");
        Advance(TimeSpan.FromSeconds(5));

        AssertNoDatagram();
    }
}
