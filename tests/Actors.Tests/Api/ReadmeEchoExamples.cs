using System.Net;
using System.Text;
using RSerPool.Actors.Api;
using RSerPool.Actors.PoolElements;
using RSerPool.Wire.Parameters;
using RSerPool.Actors.RegistrarClient;
using RSerPool.Actors.Session;

namespace RSerPool.Actors.Tests.Api;

/// <summary>
/// The two echo examples of the sockets API draft written with our API, with the calls README.md shows (the client takes
/// its lines from a list instead of stdin); <see cref="ReadmeEchoExamplesSpec"/> runs them against a real registrar.
/// </summary>
public static class ReadmeEchoExamples
{
    // --- README: echo server (PE) ---
    public sealed class EchoService : IPoolElementService
    {
        public void OnMessage(IPoolElementSessionContext session, ReadOnlyMemory<byte> payload) => session.Send(payload);
    }

    public static async Task RunEchoServerAsync(IPEndPoint registrar, Action<uint> registered, CancellationToken stop)
    {
        await using var node = await RSerPoolNode.StartAsync(new RSerPoolNodeOptions               // rsp_initialize
        {
            RegistrarClient = RegistrarClientSettings.Default with { StaticRegistrars = [registrar] },
        });
        await using var server = await PoolElementServer.StartAsync(                                // rsp_socket + rsp_bind
            node.System, new IPEndPoint(IPAddress.Loopback, 0), new EchoService());
        await using var registration = await node.RegisterAsync(                                    // rsp_register
            new PoolElementOptions(PoolHandle.FromString("EchoPool"), server.ToUserTransport()));
        registered(registration.Identifier);
        await Task.Delay(Timeout.Infinite, stop).ContinueWith(_ => { }, TaskScheduler.Default);     // serve until stopped
    }                                                                                               // rsp_deregister, rsp_close, rsp_cleanup

    // --- README: echo client (PU) ---
    public static async Task<List<string>> RunEchoClientAsync(IPEndPoint registrar, IEnumerable<string> lines)
    {
        await using var node = await RSerPoolNode.StartAsync(new RSerPoolNodeOptions               // rsp_initialize
        {
            RegistrarClient = RegistrarClientSettings.Default with { StaticRegistrars = [registrar] },
        });
        await using var session = await PoolSession.ConnectAsync(node, PoolHandle.FromString("EchoPool"), // rsp_socket + rsp_connect
            PoolSessionOptions.Default with { OnFailover = f => Console.Error.WriteLine($"failover to PE 0x{f.NewIdentifier:x8}") });
        var answers = new List<string>();
        foreach (var line in lines)
        {
            await session.SendAsync(Encoding.UTF8.GetBytes(line), new SendOptions { AckRequested = true }); // rsp_sendmsg
            var answer = await session.ReceiveAsync();                                              // rsp_recvmsg
            answers.Add(Encoding.UTF8.GetString(answer.Payload.Span));
        }
        return answers;
    }                                                                                               // rsp_close, rsp_cleanup
}
