using System.Net;
using System.Net.Sockets;
using Akka.Actor;
using Akka.TestKit;
using RSerPool.Actors.Transport;
using RSerPool.TestKit;
using RSerPool.Wire.Codec;
using RSerPool.Wire.Errors;
using RSerPool.Wire.Messages.Asap;
using RSerPool.Wire.Parameters;
using Xunit;

namespace RSerPool.Actors.Tests.Transport;

/// <summary>
/// Hostile or broken clients on real loopback sockets: the association reads at most MaxInFlightRequests requests
/// ahead of their answers, stops reading a peer that does not drain its answers and closes it, keeps answers in
/// request order (an Error waits for the answers to earlier requests), answers a half-closed peer before closing,
/// and the listener caps the associations one source address may hold.
/// </summary>
public sealed class TcpAssociationFlowSpec : RealTimeTestKit
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private static readonly AsapHandleResolution Resolution = new(PoolHandle.FromString("EchoPool"));
    private static readonly AsapHandleResolutionResponse Answer = PoolActorAnswer();
    private readonly List<Socket> _clients = [];

    protected override void Dispose(bool disposing)
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }
        base.Dispose(disposing);
    }

    private static AsapHandleResolutionResponse PoolActorAnswer() =>
        AsapHandleResolutionResponse.Failure(PoolHandle.FromString("EchoPool"), new OperationError(ErrorCause.WithoutInformation(ErrorCauseCode.UnknownPoolHandle)));

    private async Task<IPEndPoint> ListenAsync(TestProbe handler, AssociationSettings settings, int maxAssociations = 10)
    {
        Sys.ActorOf(TcpListenerActor<AsapMessage>.Props(new IPEndPoint(IPAddress.Loopback, 0), handler.Ref, AsapWireCodec.Instance, settings, maxAssociations));
        return (await handler.ExpectMsgAsync<Bound>(Timeout)).LocalEndPoint;
    }

    private async Task<(Socket Client, IActorRef Association)> ConnectAsync(TestProbe handler, IPEndPoint endpoint, IPAddress? from = null, int receiveBuffer = 0)
    {
        var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        _clients.Add(client);
        if (receiveBuffer > 0)
        {
            client.ReceiveBufferSize = receiveBuffer;
        }
        if (from is not null)
        {
            client.Bind(new IPEndPoint(from, 0));
        }
        await client.ConnectAsync(endpoint);
        var established = await handler.ExpectMsgAsync<AssociationEstablished>(Timeout);
        return (client, established.Association);
    }

    private static byte[] Repeat(byte[] message, int count) => Enumerable.Repeat(message, count).SelectMany(m => m).ToArray();

    private static async Task<AsapMessage> ReceiveMessageAsync(Socket client)
    {
        var header = new byte[4];
        await ReceiveExactlyAsync(client, header);
        int length = (header[2] << 8) | header[3];
        var message = new byte[(length + 3) & ~3];
        header.CopyTo(message, 0);
        await ReceiveExactlyAsync(client, message.AsMemory(4));
        return AsapDecoder.Decode(message);
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

    private static async Task<bool> AnythingArrivesAsync(Socket client, TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        try
        {
            await client.ReceiveAsync(new byte[1], SocketFlags.Peek, timeout.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static async Task ExpectEndOfStreamAsync(Socket client)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        Assert.Equal(0, await client.ReceiveAsync(new byte[16], SocketFlags.None, timeout.Token));
    }

    [Fact]
    public async Task Reading_pauses_at_the_in_flight_bound_until_a_request_is_answered()
    {
        var handler = CreateTestProbe();
        var endpoint = await ListenAsync(handler, AssociationSettings.Default with { MaxInFlightRequests = 4 });
        var (client, association) = await ConnectAsync(handler, endpoint);
        await client.SendAsync(Repeat(AsapEncoder.EncodeToArray(Resolution), 10));

        for (int i = 0; i < 4; i++)
        {
            await handler.ExpectMsgAsync<AssociationReceived<AsapMessage>>(Timeout);
        }
        await handler.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(300));

        association.Tell(new AssociationSend<AsapMessage>(Answer));
        await handler.ExpectMsgAsync<AssociationReceived<AsapMessage>>(Timeout);
        await handler.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(300));
        Assert.IsType<AsapHandleResolutionResponse>(await ReceiveMessageAsync(client));
    }

    [Fact]
    public async Task A_throttled_association_reads_nothing_until_the_pause_is_over_and_then_reads_on()
    {
        var handler = CreateTestProbe();
        var endpoint = await ListenAsync(handler, AssociationSettings.Default);
        var (client, association) = await ConnectAsync(handler, endpoint);

        // The answer sent after the command arrives only once the actor has taken the pause.
        association.Tell(new ThrottleReading(TimeSpan.FromSeconds(1)));
        association.Tell(new AssociationSend<AsapMessage>(Answer));
        Assert.IsType<AsapHandleResolutionResponse>(await ReceiveMessageAsync(client));
        await client.SendAsync(Repeat(AsapEncoder.EncodeToArray(Resolution), 3));

        await handler.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(500));
        for (int i = 0; i < 3; i++)
        {
            await handler.ExpectMsgAsync<AssociationReceived<AsapMessage>>(Timeout);
        }
    }

    [Fact]
    public async Task A_peer_that_never_reads_is_not_read_further_and_is_closed_while_others_are_served()
    {
        var handler = CreateTestProbe();
        var settings = AssociationSettings.Default with { SendStallTimeout = TimeSpan.FromSeconds(1) };
        var endpoint = await ListenAsync(handler, settings);
        var (flooder, flooding) = await ConnectAsync(handler, endpoint, receiveBuffer: 4096);
        var (other, serving) = await ConnectAsync(handler, endpoint);
        handler.Watch(flooding);

        // 8,000 requests whose 16 KB answers (128 MB) are far beyond what the kernel buffers of one connection hold.
        const int requests = 8000;
        var big = AsapHandleResolutionResponse.Failure(PoolHandle.FromString("EchoPool"), new OperationError(ErrorCause.UnrecognizedMessage(new byte[16000])));
        _ = flooder.SendAsync(Repeat(AsapEncoder.EncodeToArray(Resolution), requests));
        int received = 0;
        bool closed = false;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!closed && DateTime.UtcNow < deadline)
        {
            object message = await handler.ReceiveOneAsync(Timeout) ?? throw new TimeoutException("no request and no close");
            switch (message)
            {
                case AssociationReceived<AsapMessage>:
                    received++;
                    flooding.Tell(new AssociationSend<AsapMessage>(big));
                    break;
                case Terminated t when t.ActorRef.Equals(flooding):
                    closed = true;
                    break;
            }
        }

        Assert.True(closed, "the association of the peer that never reads was not closed");
        Assert.True(received is > 0 and <= requests / 2, $"{received} of {requests} requests were read from a peer that reads nothing");
        await other.SendAsync(AsapEncoder.EncodeToArray(Resolution));
        var request = await handler.ExpectMsgAsync<AssociationReceived<AsapMessage>>(Timeout);
        Assert.Equal(serving, handler.LastSender);
        serving.Tell(new AssociationSend<AsapMessage>(Answer));
        Assert.IsType<AsapHandleResolutionResponse>(await ReceiveMessageAsync(other));
    }

    [Fact]
    public async Task An_error_for_a_bad_message_waits_for_the_answer_to_the_earlier_request()
    {
        var handler = CreateTestProbe();
        var endpoint = await ListenAsync(handler, AssociationSettings.Default);
        var (client, association) = await ConnectAsync(handler, endpoint);
        byte[] unknown = [0x7f, 0x00, 0x00, 0x08, 0xde, 0xad, 0xbe, 0xef];
        await client.SendAsync((byte[])[.. AsapEncoder.EncodeToArray(Resolution), .. unknown]);

        await handler.ExpectMsgAsync<AssociationReceived<AsapMessage>>(Timeout);
        // Until the request is answered nothing may go out: the Error for the later frame waits.
        Assert.False(await AnythingArrivesAsync(client, TimeSpan.FromMilliseconds(500)), "the Error went out before the answer to the earlier request");
        association.Tell(new AssociationSend<AsapMessage>(Answer));

        Assert.IsType<AsapHandleResolutionResponse>(await ReceiveMessageAsync(client));
        var error = Assert.IsType<AsapError>(await ReceiveMessageAsync(client));
        Assert.Equal(ErrorCauseCode.UnrecognizedMessage, Assert.Single(error.Error.Causes).Code);
    }

    [Fact]
    public async Task A_peer_that_half_closes_gets_every_answer_then_the_association_closes()
    {
        var handler = CreateTestProbe();
        var endpoint = await ListenAsync(handler, AssociationSettings.Default);
        var (client, association) = await ConnectAsync(handler, endpoint);
        handler.Watch(association);
        const int requests = 20;
        await client.SendAsync(Repeat(AsapEncoder.EncodeToArray(Resolution), requests));
        client.Shutdown(SocketShutdown.Send);

        for (int i = 0; i < requests; i++)
        {
            await handler.ExpectMsgAsync<AssociationReceived<AsapMessage>>(Timeout);
            association.Tell(new AssociationSend<AsapMessage>(Answer));
        }

        for (int i = 0; i < requests; i++)
        {
            Assert.IsType<AsapHandleResolutionResponse>(await ReceiveMessageAsync(client));
        }
        await ExpectEndOfStreamAsync(client);
        await handler.ExpectTerminatedAsync(association, Timeout);
    }

    [Fact]
    public async Task One_source_address_cannot_take_every_slot()
    {
        var handler = CreateTestProbe();
        var endpoint = await ListenAsync(handler, AssociationSettings.Default with { MaxAssociationsPerHost = 2 }, maxAssociations: 10);
        var other = IPAddress.Parse("127.0.0.2");
        await ConnectAsync(handler, endpoint, other);
        await ConnectAsync(handler, endpoint, other);

        var third = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        _clients.Add(third);
        third.Bind(new IPEndPoint(other, 0));
        await third.ConnectAsync(endpoint);
        await ExpectEndOfStreamAsync(third);

        await ConnectAsync(handler, endpoint, IPAddress.Loopback);
    }
}
