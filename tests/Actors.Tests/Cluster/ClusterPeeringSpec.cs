// Registrars that learn their ENRP peers from Akka.Cluster (issue 15 items 1 and 6): three ActorSystems joined over
// loopback, each with a real registrar (ASAP and ENRP over loopback TCP) and no static peer.
using System.Net;
using Akka.Actor;
using Akka.TestKit;
using RSerPool.Actors.Cluster;
using RSerPool.Actors.Enrp;
using RSerPool.Actors.Registrar;
using RSerPool.Actors.Tests.Registrar.Support;
using RSerPool.Actors.Transport;
using RSerPool.TestKit;
using RSerPool.Wire.Messages.Asap;
using Xunit;
using Xunit.Abstractions;
using AkkaCluster = Akka.Cluster.Cluster;

namespace RSerPool.Actors.Tests.Cluster;

public sealed class ClusterPeeringSpec : RealTimeTestKit, IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private readonly List<ActorSystem> _others = [];

    public ClusterPeeringSpec(ITestOutputHelper output)
        : base(ClusterSpecConfig.Node(), output)
    {
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (ActorSystem other in _others)
        {
            await other.Terminate().WaitAsync(Timeout);
        }
    }

    private async Task<(IActorRef Registrar, RegistrarStarted Started)> StartRegistrarAsync(ActorSystem system, uint serverId)
    {
        var observer = CreateTestProbe();
        var settings = new RegistrarSettings
        {
            ServerId = serverId,
            AsapEndPoint = new IPEndPoint(IPAddress.Loopback, 0),
            AsapAnnounce = new AnnounceSettings([], TimeSpan.FromSeconds(1)),
            KeepAliveInterval = TimeSpan.FromMinutes(5),
            KeepAliveTimeout = TimeSpan.FromMinutes(5),
            Enrp = new EnrpSettings { EndPoint = new IPEndPoint(IPAddress.Loopback, 0) },
        };
        var registrar = system.ActorOf(RegistrarActor.Props(settings, observer.Ref), "registrar");
        var started = await observer.ExpectMsgAsync<RegistrarStarted>(Timeout);
        RegistrarCluster.Start(system, started, registrar, new ClusterSettings { Enabled = true });
        return (registrar, started);
    }

    private ActorSystem JoinedNode()
    {
        var system = ActorSystem.Create(Sys.Name, ClusterSpecConfig.Node());
        _others.Add(system);
        AkkaCluster.Get(system).Join(AkkaCluster.Get(Sys).SelfAddress);
        return system;
    }

    private async Task<EnrpStatus> EnrpStatusAsync(IActorRef registrar) => await registrar.Ask<EnrpStatus>(GetEnrpStatus.Instance, Timeout);

    [Fact]
    public async Task Registrars_without_static_peers_peer_through_the_cluster_and_replicate_a_registration()
    {
        Assert.True(RegistrarCluster.JoinSelfIfNoSeeds(Sys, new ClusterSettings { Enabled = true }));
        var a = await StartRegistrarAsync(Sys, 0xa1);
        var b = await StartRegistrarAsync(JoinedNode(), 0xb2);
        var c = await StartRegistrarAsync(JoinedNode(), 0xc3);

        foreach (var (node, others) in new[] { (a, new uint[] { 0xb2, 0xc3 }), (b, [0xa1, 0xc3]), (c, [0xa1, 0xb2]) })
        {
            await AwaitAssertAsync(async () => Assert.Equal(others, (await EnrpStatusAsync(node.Registrar)).Peers.Select(peer => peer.ServerId).ToArray()),
                Timeout, TimeSpan.FromMilliseconds(100));
        }

        using var pe = await AsapTestClient.ConnectAsync(b.Started.AsapEndPoint, Timeout);
        await pe.SendAsync(Asap.Registration(0x5151));
        Assert.False((await pe.ReceiveAsync<AsapRegistrationResponse>()).Rejected);
        foreach (var node in new[] { a, c })
        {
            await AwaitAssertAsync(async () =>
            {
                using var pu = await AsapTestClient.ConnectAsync(node.Started.AsapEndPoint, Timeout);
                await pu.SendAsync(new AsapHandleResolution(Asap.EchoPool, 16));
                var element = Assert.Single((await pu.ReceiveAsync<AsapHandleResolutionResponse>()).PoolElements);
                Assert.Equal((0x5151u, 0xb2u), (element.Identifier, element.HomeServerIdentifier));
            }, Timeout, TimeSpan.FromMilliseconds(100));
        }
    }
}
