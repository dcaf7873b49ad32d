// ENRP over real loopback TCP (RFC 5353 §3; framing docs/protocol-notes.md §2): a registrar against a raw ENRP peer.
using System.Net;
using System.Net.Sockets;
using RSerPool.Actors.Enrp;
using Akka.TestKit;
using RSerPool.TestKit;
using RSerPool.Actors.Registrar;
using RSerPool.Actors.Tests.Enrp.Support;
using RSerPool.Actors.Tests.Registrar.Support;
using RSerPool.Actors.Transport;
using RSerPool.Wire;
using RSerPool.Wire.Errors;
using RSerPool.Wire.Messages.Asap;
using RSerPool.Wire.Messages.Enrp;
using RSerPool.Wire.Parameters;
using Xunit;

namespace RSerPool.Actors.Tests.Enrp;

public sealed class EnrpTcpSpec : RealTimeTestKit, IAsyncLifetime
{
    private const uint RegistrarId = 0x7e570001;
    private const uint PeerId = 0x7e570099;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private readonly Socket _peerListener = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
    private RegistrarStarted _started = null!;

    public EnrpTcpSpec()
        : base()
    {
    }

    private IPEndPoint PeerEndPoint => (IPEndPoint)_peerListener.LocalEndPoint!;

    public async Task InitializeAsync()
    {
        _peerListener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _peerListener.Listen(4);
        var observer = CreateTestProbe("observer");
        var settings = new RegistrarSettings
        {
            ServerId = RegistrarId,
            AsapEndPoint = new IPEndPoint(IPAddress.Loopback, 0),
            AsapAnnounce = new AnnounceSettings([], TimeSpan.FromSeconds(1)),
            KeepAliveInterval = TimeSpan.FromMinutes(5),
            KeepAliveTimeout = TimeSpan.FromMinutes(5),
            Enrp = new EnrpSettings
            {
                EndPoint = new IPEndPoint(IPAddress.Loopback, 0),
                Peers = [PeerEndPoint],
                PeerHeartbeatCycle = TimeSpan.FromMinutes(1),   // Presence only at start and on demand
                MaxTimeLastHeard = TimeSpan.FromMinutes(5),
                MentorDiscoveryTimeout = TimeSpan.FromMinutes(5),
                MaxInvalidMessagesPerAssociation = 3,
            },
        };
        Sys.ActorOf(RegistrarActor.Props(settings, observer.Ref), "registrar");
        _started = await observer.ExpectMsgAsync<RegistrarStarted>(Timeout);
    }

    public Task DisposeAsync()
    {
        _peerListener.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_registrar_syncs_from_its_tcp_mentor_and_sends_handle_updates_to_it()
    {
        // The registrar greets its static peer (receiver id 0) over an outbound connection.
        using var outbound = await EnrpTestPeer.AcceptAsync(_peerListener, Timeout);
        var greeting = await outbound.ReceiveAsync<EnrpPresence>();
        Assert.Equal(RegistrarId, greeting.SenderServerId);
        Assert.Equal(0u, greeting.ReceiverServerId);
        Assert.Equal(PeChecksum.NoPoolElements, greeting.Checksum);
        Assert.Equal(_started.EnrpEndPoint!.Port, greeting.ServerInformation!.Transport.Port);

        // Our Presence names our endpoint: we become the mentor and are asked for the whole handlespace (W=0).
        using var inbound = await EnrpTestPeer.ConnectAsync(_started.EnrpEndPoint, Timeout);
        var information = new ServerInformation(PeerId, new SctpTransport((ushort)PeerEndPoint.Port, TransportUse.DataOnly, [IPAddress.Loopback]));
        await inbound.SendAsync(new EnrpPresence(PeerId, 0, PeChecksum.NoPoolElements, information));
        var request = await outbound.ReceiveAsync<EnrpHandleTableRequest>();
        Assert.False(request.OwnChildrenOnly);
        Assert.Equal(PeerId, request.ReceiverServerId);

        var pe = Asap.Pe(0x5e5e) with { HomeServerIdentifier = PeerId, AsapTransport = new SctpTransport(4000, TransportUse.DataOnly, [IPAddress.Loopback]) };
        var entries = ValueArray.Create<HandleTableEntry>([new HandleTableEntry(Asap.EchoPool, ValueArray.Create<PoolElement>([pe]))]);
        // The download's changes go to the registrar before this line is logged, so a resolution sent after it sees them.
        await EventFilter.Info(contains: "handlespace download from 0x7e570099 complete: 1 PEs known")
            .ExpectOneAsync(Timeout, () => inbound.SendAsync(new EnrpHandleTableResponse(PeerId, RegistrarId, entries)));

        using var client = await AsapTestClient.ConnectAsync(_started.AsapEndPoint, Timeout);
        await client.SendAsync(new AsapHandleResolution(Asap.EchoPool, 10));
        var resolution = await client.ReceiveAsync<AsapHandleResolutionResponse>();
        Assert.Equal(0x5e5eu, Assert.Single(resolution.PoolElements).Identifier);

        // A registration at the registrar goes to us as ADD_PE with its home and ASAP transport.
        await client.SendAsync(Asap.LoopbackRegistration(0x1234));
        Assert.False((await client.ReceiveAsync<AsapRegistrationResponse>()).Rejected);
        var update = await outbound.ReceiveAsync<EnrpHandleUpdate>();
        Assert.Equal(HandleUpdateAction.AddPoolElement, update.Action);
        Assert.Equal(0x1234u, update.PoolElement.Identifier);
        Assert.Equal(RegistrarId, update.PoolElement.HomeServerIdentifier);
        Assert.Equal([IPAddress.Loopback], update.PoolElement.AsapTransport!.Addresses.ToArray());
    }

    [Fact]
    public async Task Malformed_enrp_gets_an_enrp_error_and_repeated_invalid_messages_close_the_association()
    {
        using var inbound = await EnrpTestPeer.ConnectAsync(_started.EnrpEndPoint!, Timeout);
        // A Presence whose parameter length runs past the message end.
        byte[] malformed = [0x01, 0x00, 0x00, 0x14, 0x00, 0x00, 0x00, 0x09, 0x00, 0x00, 0x00, 0x00, 0x00, 0x0f, 0x00, 0x40, 0xff, 0xff, 0x00, 0x00];
        await inbound.SendRawAsync(malformed);
        var error = await inbound.ReceiveAsync<EnrpError>();
        Assert.Equal(RegistrarId, error.SenderServerId);
        Assert.Equal(9u, error.ReceiverServerId);
        Assert.NotEmpty(error.Error.Causes);

        // Updates from a registrar that never introduced itself are invalid; the third closes the association.
        for (uint i = 1; i <= 3; i++)
        {
            var pe = Asap.Pe(i) with { HomeServerIdentifier = PeerId };
            await inbound.SendAsync(new EnrpHandleUpdate(PeerId, RegistrarId, HandleUpdateAction.AddPoolElement, Asap.EchoPool, pe));
        }

        Assert.True(await inbound.IsClosedByPeerAsync());
    }
}
