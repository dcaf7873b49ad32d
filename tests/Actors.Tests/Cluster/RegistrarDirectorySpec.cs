// Registrar discovery over a real Akka.Cluster (issue 15 items 1 and 6): three ActorSystems joined over loopback.
using System.Net;
using Akka.Actor;
using Akka.Configuration;
using Akka.TestKit;
using RSerPool.Actors.Cluster;
using RSerPool.TestKit;
using Xunit;
using Xunit.Abstractions;
using AkkaCluster = Akka.Cluster.Cluster;

namespace RSerPool.Actors.Tests.Cluster;

public sealed class RegistrarDirectorySpec : RealTimeTestKit, IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private readonly List<ActorSystem> _others = [];

    public RegistrarDirectorySpec(ITestOutputHelper output)
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

    private ActorSystem StartNode(string role = "registrar", string extra = "")
    {
        var system = ActorSystem.Create(Sys.Name, ConfigurationFactory.ParseString(extra).WithFallback(ClusterSpecConfig.Node(role)));
        _others.Add(system);
        AkkaCluster.Get(system).Join(AkkaCluster.Get(Sys).SelfAddress);
        return system;
    }

    private static RegistrarEndpoints Endpoints(uint serverId) =>
        new(serverId, [$"tcp:127.0.0.1:{3000 + serverId}"], [$"tcp:127.0.0.1:{9000 + serverId}"]);

    private static void ServeEndpoints(ActorSystem system, uint serverId) =>
        system.ActorOf(RegistrarEndpointsActor.Props(Endpoints(serverId)), RegistrarEndpointsActor.Name);

    private static async Task<RegistrarsChanged> AwaitRegistrarsAsync(TestProbe subscriber, Func<RegistrarsChanged, bool> condition) =>
        await subscriber.FishForMessageAsync<RegistrarsChanged>(changed => condition(changed), Timeout);

    [Fact]
    public async Task A_directory_lists_every_Up_registrar_with_its_endpoints_and_follows_it_out_of_the_cluster()
    {
        AkkaCluster.Get(Sys).Join(AkkaCluster.Get(Sys).SelfAddress);
        ServeEndpoints(Sys, 1);
        var b = StartNode();
        ServeEndpoints(b, 2);
        var c = StartNode();
        var client = StartNode("rserpool-client");   // another role: not a registrar
        var subscriber = CreateTestProbe();
        var directory = Sys.ActorOf(RegistrarDirectoryActor.Props("registrar", TimeSpan.FromMilliseconds(100)), "directory");
        directory.Tell(SubscribeRegistrars.Instance, subscriber.Ref);

        var two = await AwaitRegistrarsAsync(subscriber, changed => changed.Registrars.Count == 2);
        Assert.Equal([1u, 2u], two.Registrars.Select(r => r.Endpoints.ServerId).Order().ToArray());
        Assert.All(two.Registrars, r => Assert.True(r.Reachable));
        Assert.Equal(Endpoints(2), two.Registrars.Single(r => r.Address.Equals(AkkaCluster.Get(b).SelfAddress)).Endpoints);

        // C is Up before its registrar serves: the directory asks again until it answers.
        ServeEndpoints(c, 3);
        var three = await AwaitRegistrarsAsync(subscriber, changed => changed.Registrars.Count == 3);
        Assert.DoesNotContain(three.Registrars, r => r.Address.Equals(AkkaCluster.Get(client).SelfAddress));

        // C leaves the cluster: it is gone from the next view.
        AkkaCluster.Get(c).Leave(AkkaCluster.Get(c).SelfAddress);
        var after = await AwaitRegistrarsAsync(subscriber, changed => changed.Registrars.Count == 2);
        Assert.Equal([1u, 2u], after.Registrars.Select(r => r.Endpoints.ServerId).Order().ToArray());
    }

    [Fact]
    public async Task A_registrar_that_crashes_is_marked_unreachable_then_downed_and_removed_by_the_split_brain_resolver()
    {
        AkkaCluster.Get(Sys).Join(AkkaCluster.Get(Sys).SelfAddress);
        ServeEndpoints(Sys, 1);
        var b = StartNode();
        ServeEndpoints(b, 2);
        // Terminating C must not leave the cluster gracefully: it stands for a crash.
        var c = StartNode(extra: "akka.coordinated-shutdown.run-by-actor-system-terminate = off");
        ServeEndpoints(c, 3);
        var subscriber = CreateTestProbe();
        var directory = Sys.ActorOf(RegistrarDirectoryActor.Props("registrar", TimeSpan.FromMilliseconds(100)), "directory");
        directory.Tell(SubscribeRegistrars.Instance, subscriber.Ref);
        await AwaitRegistrarsAsync(subscriber, changed => changed.Registrars.Count == 3 && changed.Registrars.All(r => r.Reachable));
        Address cAddress = AkkaCluster.Get(c).SelfAddress;

        // C's system ends without a Leave: the failure detector marks it unreachable, then keep-majority (2 of 3) downs it.
        await c.Terminate().WaitAsync(Timeout);

        await AwaitRegistrarsAsync(subscriber, changed => changed.Registrars.Any(r => r.Address.Equals(cAddress) && !r.Reachable));
        await AwaitRegistrarsAsync(subscriber, changed => changed.Registrars.Count == 2 && changed.Registrars.All(r => !r.Address.Equals(cAddress)));
    }

    [Fact]
    public void Registrar_endpoints_name_the_cluster_host_for_an_any_address_bind()
    {
        Assert.Equal("tcp:10.0.0.7:3863", RegistrarEndpointText.Format("tcp", new IPEndPoint(IPAddress.Any, 3863), "10.0.0.7"));
        Assert.Equal("sctp:[fd00::1]:9901", RegistrarEndpointText.Format("sctp", new IPEndPoint(IPAddress.IPv6Any, 9901), "fd00::1"));
        Assert.Equal("tcp:127.0.0.2:3863", RegistrarEndpointText.Format("tcp", new IPEndPoint(IPAddress.Parse("127.0.0.2"), 3863), "10.0.0.7"));
        Assert.True(RegistrarEndpointText.TryParse("tcp:[fd00::1]:9901", out string? transport, out string? host, out int port));
        Assert.Equal(("tcp", "fd00::1", 9901), (transport, host, port));
        Assert.True(RegistrarEndpointText.TryParse("sctp:registrar-0.rserpool:9901", out _, out host, out _));
        Assert.Equal("registrar-0.rserpool", host);
        Assert.False(RegistrarEndpointText.TryParse("tcp:fd00::1:9901", out _, out _, out _));
        Assert.False(RegistrarEndpointText.TryParse("10.0.0.1:9901", out _, out _, out _));
    }
}
