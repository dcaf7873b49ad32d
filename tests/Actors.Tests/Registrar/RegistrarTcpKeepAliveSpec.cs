using System.Net;
using Akka.TestKit;
using RSerPool.TestKit;
using RSerPool.Actors.Registrar;
using RSerPool.Actors.Tests.Registrar.Support;
using RSerPool.Actors.Transport;
using RSerPool.Wire.Messages.Asap;
using Xunit;

namespace RSerPool.Actors.Tests.Registrar;

/// <summary>Endpoint keep-alive over real TCP (RFC 5352 §3.4): an acking PE stays, a silent one loses its connection and its PEs.</summary>
public sealed class RegistrarTcpKeepAliveSpec : RealTimeTestKit, IAsyncLifetime
{
    private const uint ServerId = 0x7e570002;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private readonly List<AsapTestClient> _clients = [];
    private IPEndPoint _endpoint = new(IPAddress.Loopback, 0);

    public RegistrarTcpKeepAliveSpec()
        : base()
    {
    }

    public async Task InitializeAsync()
    {
        var observer = CreateTestProbe("observer");
        var settings = new RegistrarSettings
        {
            ServerId = ServerId,
            AsapEndPoint = new IPEndPoint(IPAddress.Loopback, 0),
            AsapAnnounce = new AnnounceSettings([], TimeSpan.FromSeconds(1)),
            KeepAliveInterval = TimeSpan.FromMilliseconds(100),
            KeepAliveTimeout = TimeSpan.FromSeconds(1),   // generous: a loaded CI machine must not miss an ack
        };
        Sys.ActorOf(RegistrarActor.Props(settings, observer.Ref), "registrar");
        _endpoint = (await observer.ExpectMsgAsync<RegistrarStarted>(Timeout)).AsapEndPoint;
    }

    public Task DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        return Task.CompletedTask;
    }

    private async Task<AsapTestClient> RegisteredPeAsync(uint id)
    {
        var client = await AsapTestClient.ConnectAsync(_endpoint, Timeout);
        _clients.Add(client);
        await client.SendAsync(Asap.LoopbackRegistration(id));
        Assert.False((await client.ReceiveAsync<AsapRegistrationResponse>()).Rejected);
        return client;
    }

    [Fact]
    public async Task A_pe_that_acks_keeps_its_connection_and_registration()
    {
        var pe = await RegisteredPeAsync(1);
        for (int i = 0; i < 3; i++)
        {
            var keepAlive = await pe.ReceiveAsync<AsapEndpointKeepAlive>();
            Assert.Equal(ServerId, keepAlive.ServerIdentifier);
            Assert.Equal(1u, keepAlive.PoolElementIdentifier);
            await pe.SendAsync(new AsapEndpointKeepAliveAck(Asap.EchoPool, 1));
        }

        await pe.SendAsync(new AsapHandleResolution(Asap.EchoPool));
        var response = await ReceiveSkippingKeepAlivesAsync(pe);
        Assert.Equal(1u, Assert.Single(response.PoolElements).Identifier);
    }

    [Fact]
    public async Task A_silent_pe_gets_one_keep_alive_then_its_connection_is_closed_and_its_pe_removed()
    {
        var pe = await RegisteredPeAsync(2);

        await pe.ReceiveAsync<AsapEndpointKeepAlive>();
        Assert.True(await pe.IsClosedByPeerAsync());

        var user = await AsapTestClient.ConnectAsync(_endpoint, Timeout);
        _clients.Add(user);
        await user.SendAsync(new AsapHandleResolution(Asap.EchoPool));
        Assert.NotNull((await user.ReceiveAsync<AsapHandleResolutionResponse>()).Error);
    }

    private static async Task<AsapHandleResolutionResponse> ReceiveSkippingKeepAlivesAsync(AsapTestClient client)
    {
        while (true)
        {
            switch (await client.ReceiveAsync())
            {
                case AsapHandleResolutionResponse response:
                    return response;
                case AsapEndpointKeepAlive keepAlive:
                    await client.SendAsync(new AsapEndpointKeepAliveAck(keepAlive.PoolHandle, keepAlive.PoolElementIdentifier!.Value));
                    break;
                case var other:
                    Assert.Fail($"unexpected {other}");
                    break;
            }
        }
    }
}
