using System.Net;
using System.Net.Sockets;
using Akka.TestKit;
using RSerPool.TestKit;
using RSerPool.Actors.PoolElements;
using RSerPool.Actors.Transport;
using RSerPool.Actors.Transport.Sctp;
using RSerPool.Wire.Codec;
using RSerPool.Wire.Messages.Asap;
using Xunit;
using RSerPool.Actors.RegistrarClient;

namespace RSerPool.Actors.Tests.Transport.Sctp;

/// <summary>
/// "auto" towards a registrar (issue 7): SCTP where the registrar takes it, else TCP to the same endpoint; without
/// kernel SCTP straight to TCP.
/// </summary>
public sealed class SctpAutoRegistrarConnectorSpec : RealTimeTestKit
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    public SctpAutoRegistrarConnectorSpec()
        : base()
    {
    }

    [SctpFact]
    public async Task A_registrar_serving_sctp_is_reached_over_sctp()
    {
        var handler = CreateTestProbe("registrar");
        Sys.ActorOf(SctpOneToManyListenerActor<AsapMessage>.Props(new IPEndPoint(IPAddress.Loopback, 0), handler.Ref, AsapWireCodec.Instance,
            AssociationSettings.Default, SctpSettings.Asap, maxAssociations: 4), "sctp-registrar");
        var endpoint = (await handler.ExpectMsgAsync<Bound>(Timeout)).LocalEndPoint;
        var client = CreateTestProbe("client");

        AutoRegistrarConnector.Instance.Connect(new ConnectRegistrar(endpoint, 1, Timeout), client.Ref);

        var connected = await client.ExpectMsgAsync<RegistrarSctpSocketConnected>(Timeout);
        connected.Socket.Dispose();
        Assert.True(AutoRegistrarConnector.Instance.UsesSctp);
    }

    [SctpFact]
    public Task A_registrar_serving_only_tcp_is_reached_over_tcp_after_sctp_is_refused() => ExpectTcpAsync();

    [NoSctpFact]
    public Task The_connector_goes_straight_to_tcp_where_the_kernel_has_no_sctp() => ExpectTcpAsync();

    private async Task ExpectTcpAsync()
    {
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(4);
        var client = CreateTestProbe("client");

        AutoRegistrarConnector.Instance.Connect(new ConnectRegistrar((IPEndPoint)listener.LocalEndPoint!, 2, Timeout), client.Ref);

        var connected = await client.ExpectMsgAsync<RegistrarSocketConnected>(Timeout);
        Assert.Equal(2, connected.Attempt);
        connected.Socket.Dispose();
    }
}
