using System.Net;
using System.Text;
using RSerPool.Actors.Api;
using Akka.TestKit;
using RSerPool.TestKit;
using RSerPool.Actors.PoolElements;
using RSerPool.Actors.Registrar;
using RSerPool.Actors.Transport;
using RSerPool.Wire.Parameters;
using Xunit;
using RSerPool.Actors.RegistrarClient;
using RSerPool.Actors.Session;

namespace RSerPool.Actors.Tests.Api;

/// <summary>
/// A PE that is itself a PU of another pool (chained pools): one node registers a
/// PE in "Front" whose service answers each message after asking pool "Back" through its own session.
/// </summary>
public sealed class ChainedPoolsSpec : RealTimeTestKit
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    public ChainedPoolsSpec()
        : base()
    {
    }

    private sealed class PrefixEchoService(string prefix) : IPoolElementService
    {
        public void OnMessage(IPoolElementSessionContext session, ReadOnlyMemory<byte> payload) =>
            session.Send(Encoding.UTF8.GetBytes(prefix + Encoding.UTF8.GetString(payload.Span)));
    }

    // Answers asynchronously, once pool "Back" has answered; one request at a time per back session.
    private sealed class ForwardingService(PoolSession back) : IPoolElementService
    {
        private readonly SemaphoreSlim _oneAtATime = new(1);

        public void OnMessage(IPoolElementSessionContext session, ReadOnlyMemory<byte> payload)
        {
            var request = payload.ToArray();
            _ = Task.Run(async () =>
            {
                await _oneAtATime.WaitAsync();
                try
                {
                    await back.SendAsync(request, new SendOptions { AckRequested = true });
                    var answer = await back.ReceiveAsync();
                    session.Send(Encoding.UTF8.GetBytes("front:" + Encoding.UTF8.GetString(answer.Payload.Span)));
                }
                finally
                {
                    _oneAtATime.Release();
                }
            });
        }
    }

    [Fact]
    public async Task A_pe_answers_through_its_own_session_to_another_pool()
    {
        var observer = CreateTestProbe();
        Sys.ActorOf(RegistrarActor.Props(new RegistrarSettings
        {
            ServerId = 0xc4a1,
            AsapEndPoint = new IPEndPoint(IPAddress.Loopback, 0),
            AsapAnnounce = new AnnounceSettings([], TimeSpan.FromSeconds(1)),
        }, observer.Ref), "registrar");
        var registrar = (await observer.ExpectMsgAsync<RegistrarStarted>(Timeout)).AsapEndPoint;
        var nodeOptions = new RSerPoolNodeOptions { RegistrarClient = RegistrarClientSettings.Default with { StaticRegistrars = [registrar] } };

        await using var backNode = await RSerPoolNode.StartAsync(nodeOptions with { SystemName = "back" });
        await using var backServer = await PoolElementServer.StartAsync(backNode.System, new IPEndPoint(IPAddress.Loopback, 0), new PrefixEchoService("back:"));
        await backNode.RegisterAsync(new PoolElementOptions(PoolHandle.FromString("Back"), backServer.ToUserTransport()));

        await using var frontNode = await RSerPoolNode.StartAsync(nodeOptions with { SystemName = "front" });
        await using var toBack = await PoolSession.ConnectAsync(frontNode, PoolHandle.FromString("Back"));
        await using var frontServer = await PoolElementServer.StartAsync(frontNode.System, new IPEndPoint(IPAddress.Loopback, 0), new ForwardingService(toBack));
        await frontNode.RegisterAsync(new PoolElementOptions(PoolHandle.FromString("Front"), frontServer.ToUserTransport()));

        await using var userNode = await RSerPoolNode.StartAsync(nodeOptions with { SystemName = "user" });
        await using var session = await PoolSession.ConnectAsync(userNode, PoolHandle.FromString("Front"));
        foreach (var text in new[] { "one", "two" })
        {
            await session.SendAsync(Encoding.UTF8.GetBytes(text), new SendOptions { AckRequested = true }).WaitAsync(Timeout);
            var answer = await session.ReceiveAsync().AsTask().WaitAsync(Timeout);
            Assert.Equal($"front:back:{text}", Encoding.UTF8.GetString(answer.Payload.Span));
        }
    }
}
