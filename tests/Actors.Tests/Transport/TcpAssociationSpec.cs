using System.Net;
using System.Net.Sockets;
using Akka.Actor;
using Akka.TestKit;
using RSerPool.TestKit;
using RSerPool.Actors.Transport;
using RSerPool.Wire.Codec;
using RSerPool.Wire.Errors;
using RSerPool.Wire.Messages.Asap;
using RSerPool.Wire.Parameters;
using Xunit;

namespace RSerPool.Actors.Tests.Transport;

/// <summary>
/// The ASAP-over-TCP wire actor on real loopback sockets and the thread-pool dispatcher (docs/protocol-notes.md §2):
/// framing, decoding, Error answers that keep the association (docs/protocol-notes.md §9), and closing on broken framing.
/// </summary>
public sealed class TcpAssociationSpec : RealTimeTestKit, IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private readonly TestProbe _handler;
    private IActorRef _listener = ActorRefs.Nobody;
    private IPEndPoint _endpoint = new(IPAddress.Loopback, 0);
    private readonly List<Socket> _clients = new();

    public TcpAssociationSpec()
        : base()
    {
        _handler = CreateTestProbe("handler");
    }

    public async Task InitializeAsync()
    {
        var settings = AssociationSettings.Default with { MaxMessageLength = 1024 };
        _listener = Sys.ActorOf(TcpListenerActor<AsapMessage>.Props(new IPEndPoint(IPAddress.Loopback, 0), _handler.Ref, AsapWireCodec.Instance, settings, maxAssociations: 2), "asap-listener");
        var bound = await _handler.ExpectMsgAsync<Bound>(Timeout);
        _endpoint = bound.LocalEndPoint;
    }

    public Task DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }
        return Task.CompletedTask;
    }

    private async Task<(Socket Client, IActorRef Association)> ConnectAsync()
    {
        var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        _clients.Add(client);
        await client.ConnectAsync(_endpoint);
        var established = await _handler.ExpectMsgAsync<AssociationEstablished>(Timeout);
        return (client, established.Association);
    }

    private static async Task SendAsync(Socket client, byte[] bytes)
    {
        int sent = 0;
        while (sent < bytes.Length)
        {
            sent += await client.SendAsync(bytes.AsMemory(sent), SocketFlags.None);
        }
    }

    private static async Task<byte[]> ReceiveMessageAsync(Socket client)
    {
        var header = new byte[4];
        await ReceiveExactlyAsync(client, header);
        int length = (header[2] << 8) | header[3];
        var message = new byte[(length + 3) & ~3];
        header.CopyTo(message, 0);
        await ReceiveExactlyAsync(client, message.AsMemory(4));
        return message;
    }

    private static async Task ReceiveExactlyAsync(Socket client, Memory<byte> buffer)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        int read = 0;
        while (read < buffer.Length)
        {
            int n = await client.ReceiveAsync(buffer[read..], SocketFlags.None, timeout.Token);
            Assert.True(n > 0, "the association closed while a message was expected");
            read += n;
        }
    }

    private static readonly AsapHandleResolution Resolution = new(PoolHandle.FromString("EchoPool"));

    [Fact]
    public async Task Messages_arrive_decoded_in_order_with_the_association_as_sender()
    {
        var (client, association) = await ConnectAsync();
        var second = new AsapEndpointUnreachable(PoolHandle.FromString("EchoPool"), 0x1a2b3c4d);
        await SendAsync(client, [.. AsapEncoder.EncodeToArray(Resolution), .. AsapEncoder.EncodeToArray(second)]);

        var first = await _handler.ExpectMsgAsync<AssociationReceived<AsapMessage>>(Timeout);
        Assert.Equal(Resolution, first.Message);
        Assert.Equal(association, _handler.LastSender);
        Assert.Equal(second, (await _handler.ExpectMsgAsync<AssociationReceived<AsapMessage>>(Timeout)).Message);
    }

    [Fact]
    public async Task A_message_sent_one_byte_at_a_time_is_reassembled()
    {
        var (client, _) = await ConnectAsync();
        foreach (var b in AsapEncoder.EncodeToArray(Resolution))
        {
            await SendAsync(client, [b]);
        }

        Assert.Equal(Resolution, (await _handler.ExpectMsgAsync<AssociationReceived<AsapMessage>>(Timeout)).Message);
    }

    [Fact]
    public async Task Send_writes_the_encoded_message_to_the_peer()
    {
        var (client, association) = await ConnectAsync();
        var response = new AsapDeregistrationResponse(PoolHandle.FromString("EchoPool"), 0x1a2b3c4d);
        association.Tell(new AssociationSend<AsapMessage>(response), ActorRefs.NoSender);

        Assert.Equal(AsapEncoder.EncodeToArray(response), await ReceiveMessageAsync(client));
    }

    [Fact]
    public async Task An_unknown_message_type_is_answered_with_cause_0x0002_and_the_association_survives()
    {
        var (client, _) = await ConnectAsync();
        byte[] unknown = [0x7f, 0x00, 0x00, 0x08, 0xde, 0xad, 0xbe, 0xef];
        await SendAsync(client, unknown);

        var reply = AsapDecoder.Decode(await ReceiveMessageAsync(client));
        var cause = Assert.Single(Assert.IsType<AsapError>(reply).Error.Causes);
        Assert.Equal(ErrorCauseCode.UnrecognizedMessage, cause.Code);
        Assert.Equal(unknown, cause.Information.ToArray());

        await SendAsync(client, AsapEncoder.EncodeToArray(Resolution));
        Assert.Equal(Resolution, (await _handler.ExpectMsgAsync<AssociationReceived<AsapMessage>>(Timeout)).Message);
    }

    [Fact]
    public async Task A_skip_and_report_parameter_is_delivered_and_reported_with_cause_0x0001()
    {
        var (client, _) = await ConnectAsync();
        // Handle Resolution + an unknown parameter with action bits 11 (0xC123), RFC 5354 §3.
        byte[] resolution = AsapEncoder.EncodeToArray(Resolution);
        byte[] unknownTlv = [0xc1, 0x23, 0x00, 0x08, 0x01, 0x02, 0x03, 0x04];
        byte[] message = [.. resolution, .. unknownTlv];
        message[3] = (byte)message.Length;
        await SendAsync(client, message);

        Assert.Equal(Resolution, (await _handler.ExpectMsgAsync<AssociationReceived<AsapMessage>>(Timeout)).Message);
        var reply = Assert.IsType<AsapError>(AsapDecoder.Decode(await ReceiveMessageAsync(client)));
        var cause = Assert.Single(reply.Error.Causes);
        Assert.Equal(ErrorCauseCode.UnrecognizedParameter, cause.Code);
        Assert.Equal(unknownTlv, cause.Information.ToArray());
    }

    [Fact]
    public async Task A_malformed_error_message_is_not_answered()
    {
        var (client, association) = await ConnectAsync();
        await SendAsync(client, [0x0e, 0x00, 0x00, 0x08, 0x00, 0x0c, 0x00, 0x02]);
        await SendAsync(client, AsapEncoder.EncodeToArray(Resolution));
        Assert.Equal(Resolution, (await _handler.ExpectMsgAsync<AssociationReceived<AsapMessage>>(Timeout)).Message);

        // An answer to the bad Error would have been queued before this send; the first message back must be this one
        // (never answer an Error with an Error).
        var marker = new AsapDeregistrationResponse(PoolHandle.FromString("marker"), 1);
        association.Tell(new AssociationSend<AsapMessage>(marker), ActorRefs.NoSender);
        Assert.Equal(AsapEncoder.EncodeToArray(marker), await ReceiveMessageAsync(client));
    }

    [Fact]
    public async Task A_declared_length_over_the_maximum_closes_only_that_association()
    {
        var (bad, badAssociation) = await ConnectAsync();
        var (good, _) = await ConnectAsync();
        _handler.Watch(badAssociation);

        await SendAsync(bad, [0x05, 0x00, 0x10, 0x00]); // 4096 > the 1024 maximum
        await _handler.ExpectTerminatedAsync(badAssociation, Timeout);
        using var eof = new CancellationTokenSource(Timeout);
        Assert.Equal(0, await bad.ReceiveAsync(new byte[16], SocketFlags.None, eof.Token));

        await SendAsync(good, AsapEncoder.EncodeToArray(Resolution));
        Assert.Equal(Resolution, (await _handler.ExpectMsgAsync<AssociationReceived<AsapMessage>>(Timeout)).Message);
    }

    [Fact]
    public async Task Connections_over_the_limit_are_refused()
    {
        await ConnectAsync();
        await ConnectAsync();
        var third = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        _clients.Add(third);
        await third.ConnectAsync(_endpoint);

        using var eof = new CancellationTokenSource(Timeout);
        Assert.Equal(0, await third.ReceiveAsync(new byte[16], SocketFlags.None, eof.Token));
    }

    [Fact]
    public async Task Peer_close_stops_the_association_actor()
    {
        var (client, association) = await ConnectAsync();
        _handler.Watch(association);
        client.Shutdown(SocketShutdown.Both);
        client.Close();

        await _handler.ExpectTerminatedAsync(association, Timeout);
    }

    [Fact]
    public async Task A_second_listener_on_a_port_in_use_reports_BindFailed()
    {
        var probe = CreateTestProbe("second-handler");
        Sys.ActorOf(TcpListenerActor<AsapMessage>.Props(_endpoint, probe.Ref, AsapWireCodec.Instance, AssociationSettings.Default, 1), "second-listener");

        var failed = await probe.ExpectMsgAsync<BindFailed>(Timeout);
        Assert.Equal(_endpoint, failed.EndPoint);
    }

    [Fact]
    public async Task An_association_actor_that_fails_stops_once_and_the_peer_sees_its_connection_close()
    {
        var handler = CreateTestProbe("failing-handler");
        Sys.ActorOf(TcpListenerActor<AsapMessage>.Props(new IPEndPoint(IPAddress.Loopback, 0), handler.Ref, new ThrowingEncodeCodec<AsapDeregistrationResponse>(),
            AssociationSettings.Default, maxAssociations: 2), "failing-listener");
        var endpoint = (await handler.ExpectMsgAsync<Bound>(Timeout)).LocalEndPoint;
        var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        _clients.Add(client);
        await client.ConnectAsync(endpoint);
        var association = (await handler.ExpectMsgAsync<AssociationEstablished>(Timeout)).Association;
        handler.Watch(association);

        // The listener stops a failed association (never restarted on its socket, which would announce it again): the
        // failure is logged once, the handler sees the association end, and the peer sees EOF.
        await EventFilter.Exception<InvalidOperationException>("encoder bug").ExpectOneAsync(Timeout, async () =>
        {
            association.Tell(new AssociationSend<AsapMessage>(new AsapDeregistrationResponse(PoolHandle.FromString("EchoPool"), 1)), handler.Ref);
            await handler.ExpectTerminatedAsync(association, Timeout);
        });
        using var eof = new CancellationTokenSource(Timeout);
        Assert.Equal(0, await client.ReceiveAsync(new byte[16], SocketFlags.None, eof.Token));
    }
}
