// PEs and pool users find registrars through the cluster (issue 15 item 3; docs/cluster.md): three ActorSystems joined
// over loopback, two running a real registrar (ASAP over loopback TCP), one an application using the RSerPool extension
// with no registrar address anywhere.
using System.Net;
using System.Text;
using Akka.Actor;
using Akka.Actor.Setup;
using Akka.Configuration;
using Akka.TestKit;
using RSerPool.Actors.Api;
using RSerPool.Actors.Cluster;
using RSerPool.Actors.PoolUser;
using RSerPool.Actors.Registrar;
using RSerPool.Actors.RegistrarClient;
using RSerPool.Actors.Session;
using RSerPool.Actors.Transport;
using RSerPool.TestKit;
using RSerPool.Wire.Parameters;
using Xunit;
using Xunit.Abstractions;
using AkkaCluster = Akka.Cluster.Cluster;

namespace RSerPool.Actors.Tests.Cluster;

public sealed class ClusterRegistrarDiscoverySpec : RealTimeTestKit, IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private static readonly PoolHandle Pool = PoolHandle.FromString("ClusterEchoPool");
    private readonly List<ActorSystem> _others = [];

    public ClusterRegistrarDiscoverySpec(ITestOutputHelper output)
        : base(ClusterSpecConfig.Node("test"), output)   // the test's own node: it forms the cluster and never leaves
    {
    }

    private sealed class TaggedEchoActor : ReceiveActor
    {
        public TaggedEchoActor(string tag) =>
            Receive<PoolUserRequest>(request => Sender.Tell(new PoolElementReply(Encoding.UTF8.GetBytes(tag + ":" + Encoding.UTF8.GetString(request.Payload)))));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (ActorSystem other in _others)
        {
            await other.Terminate().WaitAsync(Timeout);
        }
    }

    private ActorSystem StartNode(string role, Setup? setup = null)
    {
        var bootstrap = BootstrapSetup.Create().WithConfig(ClusterSpecConfig.Node(role));
        var system = ActorSystem.Create(Sys.Name, setup is null ? ActorSystemSetup.Create(bootstrap) : ActorSystemSetup.Create(bootstrap, setup));
        _others.Add(system);
        AkkaCluster.Get(system).Join(AkkaCluster.Get(Sys).SelfAddress);
        return system;
    }

    // A registrar on loopback serving its endpoints to the cluster (RegistrarCluster.Start, as `rserpool registrar --cluster` does).
    private static async Task<RunningRegistrar> StartRegistrarAsync(ActorSystem system, uint serverId)
    {
        var running = await RSerPoolExtension.Get(system).StartRegistrarAsync(new RegistrarSettings
        {
            ServerId = serverId,
            AsapEndPoint = new IPEndPoint(IPAddress.Loopback, 0),
            AsapAnnounce = new AnnounceSettings([], TimeSpan.FromSeconds(1)),
            KeepAliveInterval = TimeSpan.FromMilliseconds(200),
            KeepAliveTimeout = TimeSpan.FromSeconds(2),
        });
        RegistrarCluster.Start(system, running.Started, running.Actor, new ClusterSettings { Enabled = true });
        return running;
    }

    private static async Task<IReadOnlyList<uint>> HomePesAsync(RunningRegistrar registrar)
    {
        var snapshot = await registrar.Actor.Ask<HandlespaceSnapshot>(GetHandlespaceSnapshot.Instance, Timeout);
        return [.. snapshot.Elements.Where(pe => pe.PoolHandle == Pool && pe.OwnerId == registrar.Started.ServerId).Select(pe => pe.Identifier)];
    }

    [Fact]
    public async Task Actor_pes_and_a_session_find_a_registrar_in_the_cluster_and_move_when_it_leaves()
    {
        AkkaCluster.Get(Sys).Join(AkkaCluster.Get(Sys).SelfAddress);
        var registrars = new Dictionary<ActorSystem, RunningRegistrar>();
        foreach (uint serverId in new uint[] { 0xc1, 0xc2 })
        {
            var system = StartNode("registrar");
            registrars[system] = await StartRegistrarAsync(system, serverId);
        }

        // The application: the RSerPool extension with its defaults, no registrar address, no announces.
        var options = new RSerPoolNodeOptions
        {
            RegistrarClient = RegistrarClientSettings.Default with { ConnectTimeout = TimeSpan.FromSeconds(2), HuntRetryDelay = TimeSpan.FromMilliseconds(200) },
            PoolUser = PoolUserSettings.Default with { StaleCacheTime = TimeSpan.Zero },
            ClusterRegistrars = ClusterRegistrarSettings.Default with { RoundTripInterval = TimeSpan.FromMilliseconds(500) },
            RequestTimeout = Timeout,
            RegistrationTimeout = Timeout,
        };
        var app = StartNode("rserpool-client", new RSerPoolSetup(options));
        var rserpool = RSerPoolExtension.Get(app);

        var actors = new Dictionary<string, IActorRef>
        {
            ["a"] = app.ActorOf(Props.Create(() => new TaggedEchoActor("a")), "echo-a"),
            ["b"] = app.ActorOf(Props.Create(() => new TaggedEchoActor("b")), "echo-b"),
        };
        var peOptions = PoolElementActorOptions.Default with { Endpoint = new IPEndPoint(IPAddress.Loopback, 0) };
        var registrations = new Dictionary<string, PoolElementActorRegistration>();
        foreach (var (tag, actor) in actors)
        {
            registrations[tag] = await rserpool.RegisterActorAsync(Pool, actor, peOptions);
        }

        var node = await rserpool.GetNodeAsync();
        Assert.Equal(registrations.Values.Select(r => r.Identifier).Order(), (await node.ResolveAsync(Pool)).Select(pe => pe.Identifier).Order());
        var state = await node.GetRegistrarStateAsync();
        Assert.All(state.KnownRegistrars, known => Assert.True(known.FromCluster));
        var home = registrars.Single(r => r.Value.Started.AsapEndPoint.Equals(state.CurrentRegistrar));
        var other = registrars.Single(r => r.Key != home.Key);
        Assert.Equal(registrations.Values.Select(r => r.Identifier).Order(), (await HomePesAsync(home.Value)).Order());
        // The home's endpoints actor tells its load with its endpoints: the application's ASAP association at least.
        var told = await home.Key.ActorSelection(RegistrarEndpointsActor.Path).Ask<RegistrarEndpoints>(GetRegistrarEndpoints.Instance, Timeout);
        Assert.True(told.AsapAssociations >= 1, $"AsapAssociations = {told.AsapAssociations}");

        var owner = CreateTestProbe();
        var session = await rserpool.OpenSessionAsync(Pool, owner.Ref);
        var connected = await owner.ExpectMsgAsync<PoolSessionConnected>(Timeout);
        string first = registrations.Single(r => r.Value.Identifier == connected.Element.Identifier).Key;
        session.Tell(new SendToPool(Encoding.UTF8.GetBytes("one"), Tag: 1));
        Assert.Equal($"{first}:one", await ExpectAnswerAsync(owner, tag: 1));

        // The home registrar's node leaves the cluster: both PEs re-register at the other registrar, found in the cluster.
        AkkaCluster.Get(home.Key).Leave(AkkaCluster.Get(home.Key).SelfAddress);
        await AwaitAssertAsync(async () =>
            Assert.Equal(registrations.Values.Select(r => r.Identifier).Order(), (await HomePesAsync(other.Value)).Order()), Timeout, TimeSpan.FromMilliseconds(200));
        Assert.Equal(other.Value.Started.AsapEndPoint, (await node.GetRegistrarStateAsync()).CurrentRegistrar);

        // The session's PE stops: the session resolves the pool at the remaining registrar and fails over to the other PE.
        owner.Watch(actors[first]);
        app.Stop(actors[first]);
        await owner.ExpectTerminatedAsync(actors[first], Timeout);
        await AwaitAssertAsync(async () => Assert.DoesNotContain(registrations[first].Identifier, await HomePesAsync(other.Value)), Timeout);
        session.Tell(new SendToPool(Encoding.UTF8.GetBytes("two"), Tag: 2));
        var failover = await owner.FishForMessageAsync<PoolSessionFailover>(_ => true, Timeout);
        Assert.Equal(registrations[first].Identifier, failover.OldIdentifier);
        string remaining = first == "a" ? "b" : "a";
        Assert.Equal(registrations[remaining].Identifier, failover.NewIdentifier);
        Assert.Equal($"{remaining}:two", await ExpectAnswerAsync(owner, tag: 2));
    }

    // The answer to the send tagged <paramref name="tag"/>, and its PoolSessionSent, in either order.
    private static async Task<string> ExpectAnswerAsync(TestProbe owner, int tag)
    {
        string? answer = null;
        bool sent = false;
        while (answer is null || !sent)
        {
            var message = await owner.ReceiveOneAsync(Timeout) ?? throw new TimeoutException($"no answer to send {tag} within {Timeout}");
            switch (message)
            {
                case PoolSessionMessage m:
                    answer = Encoding.UTF8.GetString(m.Payload.Span);
                    break;
                case PoolSessionSent s:
                    Assert.Equal(tag, s.Tag);
                    sent = true;
                    break;
                case PoolSessionSendFailed f:
                    Assert.Fail($"send {f.Tag} failed: {f.Reason}");
                    break;
            }
        }

        return answer;
    }
}
