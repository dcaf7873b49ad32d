using System.Net;
using RSerPool.Actors.Api;
using RSerPool.Actors.Handlespace;
using Akka.Actor;
using Akka.TestKit;
using RSerPool.TestKit;
using RSerPool.Actors.PoolElements;
using RSerPool.Actors.PoolUser;
using RSerPool.Actors.Registrar;
using RSerPool.Actors.Transport;
using RSerPool.Wire.Parameters;
using Xunit;
using RSerPool.Actors.RegistrarClient;

namespace RSerPool.Actors.Tests.Api;

/// <summary>
/// The node API against real in-process registrars over TCP and UDP on loopback (real time; every wait awaits the
/// event itself with a generous timeout).
/// </summary>
public sealed class RSerPoolNodeSpec : RealTimeTestKit, IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);
    private static readonly PoolHandle Pool = PoolHandle.FromString("EchoPool");
    private readonly List<RSerPoolNode> _nodes = [];
    private int _nodeNumber;

    public RSerPoolNodeSpec()
        : base()
    {
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }
    }

    private async Task<(IActorRef Registrar, IPEndPoint EndPoint)> StartRegistrarAsync(uint serverId, IPEndPoint? announceTo = null, int maxUnreachableReports = 3)
    {
        var observer = CreateTestProbe();
        var settings = new RegistrarSettings
        {
            ServerId = serverId,
            AsapEndPoint = new IPEndPoint(IPAddress.Loopback, 0),
            AsapAnnounce = new AnnounceSettings(announceTo is null ? [] : [announceTo], TimeSpan.FromMilliseconds(100)),
            KeepAliveInterval = TimeSpan.FromMilliseconds(100),
            KeepAliveTimeout = TimeSpan.FromSeconds(2),
            Handlespace = HandlespaceSettings.Default with { MaxUnreachableReports = maxUnreachableReports },
        };
        var registrar = Sys.ActorOf(RegistrarActor.Props(settings, observer.Ref), $"registrar-{serverId:x}");
        var started = await observer.ExpectMsgAsync<RegistrarStarted>(Timeout);
        return (registrar, started.AsapEndPoint);
    }

    private async Task<RSerPoolNode> StartNodeAsync(IPEndPoint[] registrars, IPEndPoint? announceListen = null, TimeSpan? staleCache = null)
    {
        var node = await RSerPoolNode.StartAsync(new RSerPoolNodeOptions
        {
            SystemName = $"node{++_nodeNumber}",
            RegistrarClient = new RegistrarClientSettings
            {
                StaticRegistrars = registrars,
                AnnounceListenEndPoint = announceListen,
                ConnectTimeout = TimeSpan.FromSeconds(2),
                HuntRetryDelay = TimeSpan.FromMilliseconds(200),
            },
            PoolUser = new PoolUserSettings { StaleCacheTime = staleCache ?? TimeSpan.Zero },
            RequestTimeout = Timeout,
            RegistrationTimeout = Timeout,
        });
        _nodes.Add(node);
        return node;
    }

    private static PoolElementOptions Echo(uint identifier, int port) =>
        PoolElementOptions.ForTcp("EchoPool", new IPEndPoint(IPAddress.Loopback, port)) with { Identifier = identifier };

    [Fact]
    public async Task Registers_is_supervised_by_keep_alives_resolves_and_deregisters()
    {
        var (_, endPoint) = await StartRegistrarAsync(0x1001);
        var peNode = await StartNodeAsync([endPoint]);
        var puNode = await StartNodeAsync([endPoint]);

        var homeKnown = new TaskCompletionSource<uint>(TaskCreationOptions.RunContinuationsAsynchronously);
        var registration = await peNode.RegisterAsync(Echo(0x101, 7001));
        registration.StatusChanged += (_, changed) =>
        {
            if (changed.HomeServerId != 0)
            {
                homeKnown.TrySetResult(changed.HomeServerId);
            }
        };
        Assert.Equal(PoolElementStatus.Registered, registration.Status);
        await Assert.ThrowsAsync<RSerPoolException>(() => peNode.RegisterAsync(Echo(0x101, 7001)));
        Assert.Equal(0x1001u, registration.HomeServerId != 0 ? registration.HomeServerId : await homeKnown.Task.WaitAsync(Timeout));

        var primary = await puNode.GetPrimaryServerAsync(Pool);
        Assert.Equal(0x101u, primary.Identifier);
        Assert.Equal(new TcpTransport(7001, TransportUse.DataOnly, [IPAddress.Loopback]), primary.UserTransport);

        Assert.True(await registration.DeregisterAsync());
        Assert.Equal(PoolElementStatus.Deregistered, registration.Status);
        var failure = await Assert.ThrowsAsync<PoolElementSelectionException>(() => puNode.GetPrimaryServerAsync(Pool));
        Assert.True(failure.UnknownPoolHandle);
    }

    [Fact]
    public async Task Registrar_gone_the_pe_reregisters_with_another()
    {
        var (registrarA, endPointA) = await StartRegistrarAsync(0x200a);
        var (_, endPointB) = await StartRegistrarAsync(0x200b);
        var peNode = await StartNodeAsync([endPointA, endPointB]);
        var registration = await peNode.RegisterAsync(Echo(0x201, 7002));

        var movedAndRegistered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        bool moving = false;
        registration.StatusChanged += (_, changed) =>
        {
            moving |= changed.Status == PoolElementStatus.Moving;
            if (moving && changed.Status == PoolElementStatus.Registered)
            {
                movedAndRegistered.TrySetResult();
            }
        };
        Sys.Stop(registrarA);
        await movedAndRegistered.Task.WaitAsync(Timeout);

        var puAtB = await StartNodeAsync([endPointB]);
        Assert.Equal(0x201u, (await puAtB.GetPrimaryServerAsync(Pool)).Identifier);
        Assert.Equal(endPointB, (await peNode.GetRegistrarStateAsync()).CurrentRegistrar);
    }

    [Fact]
    public async Task Finds_a_registrar_from_its_server_announces()
    {
        var peNode = await StartNodeAsync([], announceListen: new IPEndPoint(IPAddress.Loopback, 0));
        var announceEndPoint = (await peNode.GetRegistrarStateAsync()).AnnounceEndPoint;
        Assert.NotNull(announceEndPoint);
        Assert.NotEqual(0, announceEndPoint.Port);

        var (_, asapEndPoint) = await StartRegistrarAsync(0x3001, announceTo: announceEndPoint);
        var registration = await peNode.RegisterAsync(Echo(0x301, 7003));
        Assert.Equal(PoolElementStatus.Registered, registration.Status);

        var state = await peNode.GetRegistrarStateAsync();
        Assert.Equal(asapEndPoint, state.CurrentRegistrar);
        Assert.Equal(0x3001u, state.CurrentServerId);
    }

    [Fact]
    public async Task Next_server_skips_the_reported_pe_and_the_report_reaches_the_registrar()
    {
        var (_, endPoint) = await StartRegistrarAsync(0x4001, maxUnreachableReports: 1);
        var peNode = await StartNodeAsync([endPoint]);
        await peNode.RegisterAsync(Echo(0x401, 7004));
        await peNode.RegisterAsync(Echo(0x402, 7005));
        var puNode = await StartNodeAsync([endPoint], staleCache: TimeSpan.FromSeconds(30));

        var primary = await puNode.GetPrimaryServerAsync(Pool);
        var next = await puNode.GetNextServerAsync(Pool, primary.Identifier);
        Assert.NotEqual(primary.Identifier, next.Identifier);

        // Same association, so the registrar handles the report before this resolution: with MAX-BAD-PE-REPORT 1 it removed the PE.
        var remaining = await puNode.ResolveAsync(Pool);
        Assert.Equal([next.Identifier], remaining.Select(pe => pe.Identifier));
    }

    [Fact]
    public async Task Pool_info_shows_every_pe_with_its_load_after_a_load_update()
    {
        var (_, endPoint) = await StartRegistrarAsync(0x5001);
        var peNode = await StartNodeAsync([endPoint]);
        var options = Echo(0x501, 7006) with { Policy = PoolMemberSelectionPolicy.LeastUsed(0) };
        var registration = await peNode.RegisterAsync(options);
        await peNode.RegisterAsync(Echo(0x502, 7007) with { Policy = PoolMemberSelectionPolicy.LeastUsed(10) });
        var puNode = await StartNodeAsync([endPoint]);

        registration.UpdateLoad(500);
        for (int attempt = 0; attempt < 100; attempt++)
        {
            // Bounded: each round trip gives the re-registration time to land; it is on the PE node's own association.
            var info = await puNode.GetPoolInfoAsync(Pool);
            if (info.Elements.Single(pe => pe.Identifier == 0x501).Policy.Load == 500)
            {
                Assert.Equal(PolicyType.LeastUsed, info.Policy!.Type);
                Assert.Equal(2, info.Elements.Length);
                return;
            }
        }

        Assert.Fail("the load update never reached the registrar");
    }
}
