using System.Net;
using System.Text;
using Akka.Actor;
using Akka.Actor.Setup;
using Akka.TestKit;
using RSerPool.Actors.Api;
using RSerPool.Actors.PoolElements;
using RSerPool.Actors.Registrar;
using RSerPool.Actors.Transport;
using RSerPool.TestKit;
using RSerPool.Wire.Parameters;
using Xunit;
using RSerPool.Actors.RegistrarClient;
using RSerPool.Actors.Session;

namespace RSerPool.Actors.Tests.Api;

/// <summary>
/// RSerPool as an Akka extension: a registrar started in one actor system, application actors of another system
/// registered as PEs, a pool-user session as an actor with a probe as its owner; failover when a PE actor stops
/// (death watch deregisters it) and deregistration of the rest by CoordinatedShutdown.
/// </summary>
public sealed class RSerPoolExtensionSpec : RealTimeTestKit, IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);
    private static readonly PoolHandle Pool = PoolHandle.FromString("ActorPool");
    private ActorSystem? _app;
    private ActorSystem? _checker;

    private sealed class TaggedEchoActor : ReceiveActor
    {
        public TaggedEchoActor(string tag) =>
            Receive<PoolUserRequest>(request => Sender.Tell(new PoolElementReply(Encoding.UTF8.GetBytes(tag + ":" + Encoding.UTF8.GetString(request.Payload)))));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var system in new[] { _app, _checker })
        {
            if (system is not null)
                await system.Terminate();
        }
    }

    [Fact]
    public async Task Actor_pes_serve_an_actor_session_which_fails_over_when_one_stops_and_shutdown_deregisters_the_rest()
    {
        var registrar = (await RSerPoolExtension.Get(Sys).StartRegistrarAsync(new RegistrarSettings
        {
            ServerId = 0xe7e0,
            AsapEndPoint = new IPEndPoint(IPAddress.Loopback, 0),
            AsapAnnounce = new AnnounceSettings([], TimeSpan.FromSeconds(1)),
        })).Started;
        var nodeOptions = new RSerPoolNodeOptions { RegistrarClient = RegistrarClientSettings.Default with { StaticRegistrars = [registrar.AsapEndPoint] } };
        _app = ActorSystem.Create("app", ActorSystemSetup.Create(new RSerPoolSetup(nodeOptions)));
        _checker = ActorSystem.Create("checker", ActorSystemSetup.Create(new RSerPoolSetup(nodeOptions)));
        var rserpool = RSerPoolExtension.Get(_app);

        var actors = new Dictionary<string, IActorRef>
        {
            ["a"] = _app.ActorOf(Props.Create(() => new TaggedEchoActor("a")), "echo-a"),
            ["b"] = _app.ActorOf(Props.Create(() => new TaggedEchoActor("b")), "echo-b"),
        };
        var options = PoolElementActorOptions.Default with { Endpoint = new IPEndPoint(IPAddress.Loopback, 0) };
        var registrations = new Dictionary<string, PoolElementActorRegistration>();
        foreach (var (tag, actor) in actors)
            registrations[tag] = await rserpool.RegisterActorAsync(Pool, actor, options);
        Assert.Equal(2, (await ResolveAsync()).Length);

        var owner = CreateTestProbe();
        var session = await rserpool.OpenSessionAsync(Pool, owner.Ref);
        var connected = await owner.ExpectMsgAsync<PoolSessionConnected>(Timeout);
        string first = registrations.Single(r => r.Value.Identifier == connected.Element.Identifier).Key;

        session.Tell(new SendToPool(Encoding.UTF8.GetBytes("one"), Tag: 1));
        Assert.Equal($"{first}:one", await ExpectAnswerAsync(owner, tag: 1));

        // The serving actor stops: its PE is deregistered and its server closed; the session moves to the other PE.
        owner.Watch(actors[first]);
        _app.Stop(actors[first]);
        await owner.ExpectTerminatedAsync(actors[first], Timeout);
        await AwaitAssertAsync(async () => Assert.Equal([registrations[Other(first)].Identifier], (await ResolveAsync()).Select(pe => pe.Identifier)), Timeout);

        session.Tell(new SendToPool(Encoding.UTF8.GetBytes("two"), Tag: 2));
        var failover = await owner.FishForMessageAsync<PoolSessionFailover>(_ => true, Timeout);
        Assert.Equal(registrations[first].Identifier, failover.OldIdentifier);
        Assert.Equal(registrations[Other(first)].Identifier, failover.NewIdentifier);
        Assert.Equal($"{Other(first)}:two", await ExpectAnswerAsync(owner, tag: 2));

        // CoordinatedShutdown of the application system deregisters the PE that is left.
        await CoordinatedShutdown.Get(_app).Run(CoordinatedShutdown.ClrExitReason.Instance);
        await AwaitAssertAsync(async () => Assert.Empty(await ResolveAsync()), Timeout);
    }

    private static string Other(string tag) => tag == "a" ? "b" : "a";

    // The PEs the registrar resolves now (an unknown pool resolves to none), asked from another system's node.
    private async Task<PoolElement[]> ResolveAsync()
    {
        var node = await RSerPoolExtension.Get(_checker!).GetNodeAsync();
        try
        {
            return [.. await node.ResolveAsync(Pool)];
        }
        catch (PoolElementSelectionException e) when (e.UnknownPoolHandle)
        {
            return [];
        }
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
