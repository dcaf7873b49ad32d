// ENRP Presence over UDP (RFC 5353 §3.1, §3.4) on real loopback sockets.
using System.Net;
using System.Net.Sockets;
using RSerPool.Actors.Enrp;
using Akka.TestKit;
using RSerPool.TestKit;
using RSerPool.Actors.Registrar;
using RSerPool.Actors.Tests.Enrp.Support;
using RSerPool.Actors.Transport;
using RSerPool.Wire;
using RSerPool.Wire.Codec;
using RSerPool.Wire.Messages.Enrp;
using RSerPool.Wire.Parameters;
using Xunit;

namespace RSerPool.Actors.Tests.Enrp;

public sealed class EnrpUdpSpec : RealTimeTestKit, IAsyncLifetime
{
    private const uint RegistrarId = 0x7e5700aa;
    private const uint PeerId = 0x7e5700bb;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private readonly Socket _udp = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private readonly Socket _tcpListener = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
    private RegistrarStarted _started = null!;

    public EnrpUdpSpec()
        : base()
    {
    }

    public async Task InitializeAsync()
    {
        _udp.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _tcpListener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _tcpListener.Listen(4);
        var observer = CreateTestProbe("observer");
        var settings = new RegistrarSettings
        {
            ServerId = RegistrarId,
            AsapEndPoint = new IPEndPoint(IPAddress.Loopback, 0),
            AsapAnnounce = new AnnounceSettings([], TimeSpan.FromSeconds(1)),
            Enrp = new EnrpSettings
            {
                EndPoint = new IPEndPoint(IPAddress.Loopback, 0),
                PresenceTargets = [(IPEndPoint)_udp.LocalEndPoint!],
                PeerHeartbeatCycle = TimeSpan.FromMilliseconds(100),
                MaxTimeLastHeard = TimeSpan.FromMinutes(5),
            },
        };
        Sys.ActorOf(RegistrarActor.Props(settings, observer.Ref), "registrar");
        _started = await observer.ExpectMsgAsync<RegistrarStarted>(Timeout);
    }

    public Task DisposeAsync()
    {
        _udp.Dispose();
        _tcpListener.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Presence_goes_out_by_udp_and_a_udp_presence_makes_a_new_peer_that_is_greeted_over_tcp()
    {
        var buffer = new byte[2048];
        using var cancel = new CancellationTokenSource(Timeout);
        int length = await _udp.ReceiveAsync(buffer, SocketFlags.None, cancel.Token);
        var presence = Assert.IsType<EnrpPresence>(EnrpDecoder.Decode(buffer.AsSpan(0, length)));
        Assert.Equal(RegistrarId, presence.SenderServerId);
        Assert.Equal(0u, presence.ReceiverServerId);
        Assert.False(presence.ReplyRequired);
        Assert.Equal(_started.EnrpEndPoint!.Port, presence.ServerInformation!.Transport.Port);

        var tcpPort = ((IPEndPoint)_tcpListener.LocalEndPoint!).Port;
        var ours = new EnrpPresence(PeerId, 0, PeChecksum.NoPoolElements,
            new ServerInformation(PeerId, new SctpTransport((ushort)tcpPort, TransportUse.DataOnly, [IPAddress.Any])));
        await _udp.SendToAsync(EnrpEncoder.EncodeToArray(ours), SocketFlags.None, _started.EnrpEndPoint);

        using var peer = await EnrpTestPeer.AcceptAsync(_tcpListener, Timeout);
        var greeting = await peer.ReceiveAsync<EnrpPresence>(p => p.ReceiverServerId == PeerId);
        Assert.True(greeting.ReplyRequired);
        Assert.Equal(RegistrarId, greeting.SenderServerId);
    }
}
