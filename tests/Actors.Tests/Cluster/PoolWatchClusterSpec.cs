// The membership watch over a real Akka.Cluster (issue 15 items 4 and 6): two registrar nodes and a client node,
// three ActorSystems joined over loopback; PEs register over TCP at either registrar, the subscriber sits on the
// client node (docs/cluster.md "Membership watch").
using System.Net;
using Akka.Actor;
using Akka.Cluster.Tools.PublishSubscribe;
using Akka.Configuration;
using Akka.TestKit;
using RSerPool.Actors.Api;
using RSerPool.Actors.Cluster;
using RSerPool.Actors.Configuration;
using RSerPool.Actors.Registrar;
using RSerPool.Actors.Tests.Registrar.Support;
using RSerPool.Actors.Transport;
using RSerPool.TestKit;
using RSerPool.Wire.Messages.Asap;
using RSerPool.Wire.Parameters;
using Xunit;
using Xunit.Abstractions;
using AkkaCluster = Akka.Cluster.Cluster;

namespace RSerPool.Actors.Tests.Cluster;

public sealed class PoolWatchClusterSpec : RealTimeTestKit, IAsyncLifetime
{
    private const uint HomeA = 0x0a0a_0001;
    private const uint HomeB = 0x0b0b_0002;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(25);
    private readonly List<ActorSystem> _others = [];
    private readonly List<AsapTestClient> _clients = [];
    private ActorSystem _b = null!;
    private ActorSystem _client = null!;
    private IPEndPoint _asapA = null!;
    private IPEndPoint _asapB = null!;

    public PoolWatchClusterSpec(ITestOutputHelper output)
        : base(Node("registrar"), output)
    {
    }

    /// <summary>
    /// A cluster node on 127.0.0.1 with an ephemeral Akka.Remote port and the serialization of cluster mode. A
    /// subscription waits up to 20 s for every registrar node's snapshot and checks its origins every 10 s (10 s and
    /// 2 s by default): on a busy test machine a snapshot that comes late, or an event slower than two checks, shows
    /// as a Resynchronized change instead of the home's reason (PoolWatchSubscriptionSpec tests those paths).
    /// </summary>
    internal static Config Node(string role) =>
        ConfigurationFactory.ParseString($$"""
            akka.actor.provider = cluster
            akka.remote.dot-netty.tcp { hostname = "127.0.0.1", port = 0 }
            akka.cluster.roles = ["{{role}}"]
            akka.loglevel = WARNING
            rserpool.cluster.pool-watch { snapshot-timeout = 20s, verify-interval = 10s }
            """).WithFallback(RSerPoolConfig.Library);

    public async Task InitializeAsync()
    {
        AkkaCluster.Get(Sys).Join(AkkaCluster.Get(Sys).SelfAddress);
        _b = StartNode("registrar");
        _client = StartNode("rserpool-client");
        // Every node sees every other Up: a subscription asks the registrar nodes its own node sees Up (one it learns
        // of later is read when it comes Up, and its PEs show as Resynchronized).
        foreach (ActorSystem node in new[] { Sys, _b, _client })
        {
            AwaitAssert(() => Assert.Equal(3, AkkaCluster.Get(node).State.Members.Count(m => m.Status == Akka.Cluster.MemberStatus.Up)), Timeout);
        }

        _asapA = (await RSerPoolExtension.Get(Sys).StartRegistrarAsync(Registrar(HomeA, TimeSpan.FromMinutes(5)))).Started.AsapEndPoint;
        // B's PEs that do not ack are removed after 1 s + 1 s (the raw clients here answer no Keep Alive).
        _asapB = (await RSerPoolExtension.Get(_b).StartRegistrarAsync(Registrar(HomeB, TimeSpan.FromSeconds(1)))).Started.AsapEndPoint;
    }

    public async Task DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        await Task.WhenAll(_others.Select(other => other.Terminate()));
    }

    private ActorSystem StartNode(string role)
    {
        var system = ActorSystem.Create(Sys.Name, Node(role));
        _others.Add(system);
        AkkaCluster.Get(system).Join(AkkaCluster.Get(Sys).SelfAddress);
        return system;
    }

    private static RegistrarSettings Registrar(uint serverId, TimeSpan keepAlive) => new()
    {
        ServerId = serverId,
        AsapEndPoint = new IPEndPoint(IPAddress.Loopback, 0),
        AsapAnnounce = new AnnounceSettings([], TimeSpan.FromSeconds(1)),
        KeepAliveInterval = keepAlive,
        KeepAliveTimeout = keepAlive,
    };

    private async Task<AsapTestClient> RegisterAsync(IPEndPoint registrar, uint id, uint load = 0, AsapTestClient? over = null)
    {
        var client = over ?? await AsapTestClient.ConnectAsync(registrar, Timeout);
        if (over is null)
        {
            _clients.Add(client);
        }

        var element = Asap.Pe(id, PoolMemberSelectionPolicy.LeastUsed(load)) with { UserTransport = new TcpTransport(7000, TransportUse.DataOnly, [IPAddress.Loopback]) };
        await client.SendAsync(new AsapRegistration(Asap.EchoPool, element));
        Assert.False((await client.ReceiveAsync<AsapRegistrationResponse>()).Rejected);
        return client;
    }

    private PoolChanged ExpectChange(TestProbe subscriber, PoolChangeKind kind, PoolChangeReason reason, uint identifier, uint home)
    {
        var changed = subscriber.ExpectMsg<PoolChanged>(Timeout);
        Assert.Equal((kind, reason, identifier, home), (changed.Kind, changed.Reason, changed.Element.Identifier, changed.Element.HomeServerIdentifier));
        Assert.Equal(Asap.EchoPool, changed.PoolHandle);
        return changed;
    }

    // The subscription is known to every registrar node's mediator (pub/sub gossip): from here on no event is missed.
    private void AwaitSubscriptionEverywhere()
    {
        foreach (ActorSystem system in new[] { Sys, _b })
        {
            var mediator = DistributedPubSub.Get(system).Mediator;
            // GetTopics: the topics with a subscriber on any node this mediator knows of.
            AwaitAssert(() => Assert.Contains(PoolWatchTopic.For(Asap.EchoPool), mediator.Ask<CurrentTopics>(GetTopics.Instance, Timeout).Result.Topics), Timeout);
        }
    }

    [Fact]
    public async Task A_subscriber_on_a_client_node_gets_the_members_then_every_change_published_by_each_pes_home()
    {
        var pe1 = await RegisterAsync(_asapA, 1);
        var subscriber = CreateTestProbe(_client, "subscriber");

        RSerPoolExtension.Get(_client).WatchPool(Asap.EchoPool, subscriber.Ref);

        var members = subscriber.ExpectMsg<PoolMembers>(Timeout);
        var only = Assert.Single(members.Elements);
        Assert.Equal((1u, HomeA), (only.Identifier, only.HomeServerIdentifier));
        AwaitSubscriptionEverywhere();

        var pe2 = await RegisterAsync(_asapA, 2);
        var added = ExpectChange(subscriber, PoolChangeKind.Added, PoolChangeReason.Registered, 2, HomeA);
        Assert.Equal(AkkaCluster.Get(Sys).SelfAddress, added.Origin.Path.Address);

        await RegisterAsync(_asapA, 2, load: 7, over: pe2);
        Assert.Equal(7u, ExpectChange(subscriber, PoolChangeKind.Updated, PoolChangeReason.ReRegistered, 2, HomeA).Element.Policy.Load);
        await RegisterAsync(_asapA, 2, load: 7, over: pe2);   // changes nothing a pool user sees
        subscriber.ExpectNoMsg(TimeSpan.FromMilliseconds(500));

        await pe1.SendAsync(new AsapDeregistration(Asap.EchoPool, 1));
        await pe1.ReceiveAsync<AsapDeregistrationResponse>();
        ExpectChange(subscriber, PoolChangeKind.Removed, PoolChangeReason.Deregistered, 1, HomeA);

        pe2.Close();
        ExpectChange(subscriber, PoolChangeKind.Removed, PoolChangeReason.AssociationClosed, 2, HomeA);

        // At B, a PE that answers no Keep Alive (RFC 5352 §3.4).
        await RegisterAsync(_asapB, 5);
        var atB = ExpectChange(subscriber, PoolChangeKind.Added, PoolChangeReason.Registered, 5, HomeB);
        Assert.Equal(AkkaCluster.Get(_b).SelfAddress, atB.Origin.Path.Address);
        ExpectChange(subscriber, PoolChangeKind.Removed, PoolChangeReason.KeepAliveTimeout, 5, HomeB);
    }

    [Fact]
    public async Task A_pe_that_moves_home_is_an_update_and_its_old_homes_removal_is_not_seen()
    {
        var subscriber = CreateTestProbe(_client, "subscriber");
        RSerPoolExtension.Get(_client).WatchPool(Asap.EchoPool, subscriber.Ref);
        Assert.Empty(subscriber.ExpectMsg<PoolMembers>(Timeout).Elements);
        AwaitSubscriptionEverywhere();

        var atB = await RegisterAsync(_asapB, 3);
        ExpectChange(subscriber, PoolChangeKind.Added, PoolChangeReason.Registered, 3, HomeB);

        // Without ENRP between them the registrars do not know each other's PEs: A is a new home for PE 3.
        await RegisterAsync(_asapA, 3);
        ExpectChange(subscriber, PoolChangeKind.Updated, PoolChangeReason.Registered, 3, HomeA);
        atB.Close();   // B removes PE 3 (association closed): stale for the subscriber, whose PE 3 is A's
        subscriber.ExpectNoMsg(TimeSpan.FromSeconds(1));

        RSerPoolExtension.Get(_client).UnwatchPool(Asap.EchoPool, subscriber.Ref);
        // The subscription (the client node's first watch) is gone: nothing after this reaches the subscriber.
        var subscription = _client.ActorSelection("/user/rserpool-pool-watchers/watch-1");
        AwaitAssert(() => Assert.Null(subscription.Ask<ActorIdentity>(new Identify(null), Timeout).Result.Subject), Timeout);
        await RegisterAsync(_asapA, 4);
        subscriber.ExpectNoMsg(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task A_registrar_node_without_the_watch_actor_does_not_hold_the_members_back()
    {
        var bare = StartNode("registrar");   // the registrar role, but no registrar and no watch on it
        AwaitAssert(() => Assert.Equal(4, AkkaCluster.Get(_client).State.Members.Count(m => m.Status == Akka.Cluster.MemberStatus.Up)), Timeout);
        await RegisterAsync(_asapA, 6);
        var subscriber = CreateTestProbe(_client, "subscriber");

        RSerPoolExtension.Get(_client).WatchPool(Asap.EchoPool, subscriber.Ref);

        // Well within the 20 s snapshot timeout of these nodes: the bare node answered the Identify without an actor.
        var members = subscriber.ExpectMsg<PoolMembers>(TimeSpan.FromSeconds(8));
        Assert.Equal([6u], members.Elements.Select(e => e.Identifier));
        Assert.NotNull(bare);
    }

    [Fact]
    public void Watching_a_pool_needs_cluster_mode()
    {
        using var local = ActorSystem.Create("local", RSerPoolConfig.Library);
        Assert.Throws<InvalidOperationException>(() => RSerPoolExtension.Get(local).WatchPool(Asap.EchoPool, TestActor));
    }
}
