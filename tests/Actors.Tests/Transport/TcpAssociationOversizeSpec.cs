using System.Net;
using System.Net.Sockets;
using Akka.Actor;
using Akka.TestKit;
using RSerPool.Actors.Tests.Registrar.Support;
using RSerPool.Actors.Transport;
using RSerPool.TestKit;
using RSerPool.Wire;
using RSerPool.Wire.Codec;
using RSerPool.Wire.Errors;
using RSerPool.Wire.Messages.Asap;
using RSerPool.Wire.Parameters;
using Xunit;

namespace RSerPool.Actors.Tests.Transport;

/// <summary>
/// Found by the live registrar fuzz test (issue 13): a registration with a pool handle of 40,000 bytes is refused with
/// the handle and its echo in the cause, which together exceed the 16-bit Message Length; the encoder's
/// ArgumentException stopped the association. Now that answer is dropped with a warning and the association lives on.
/// </summary>
public sealed class TcpAssociationOversizeSpec : RealTimeTestKit
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task An_answer_too_long_to_encode_is_dropped_and_the_association_keeps_serving()
    {
        var handler = CreateTestProbe("handler");
        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        var association = await AcceptAsync(handler, client);

        var handle = PoolHandle.FromString(new string('x', 40_000));
        var tooLong = new AsapRegistrationResponse(handle, 1, Rejected: true,
            new OperationError(new ErrorCause(ErrorCauseCode.InvalidValues, ValueArray.Create<byte>(new byte[40_004]))));
        await EventFilter.Warning(contains: "not sent").ExpectOneAsync(Timeout, async () =>
        {
            association.Tell(new AssociationSend<AsapMessage>(tooLong), handler.Ref);
            association.Tell(new AssociationSend<AsapMessage>(new AsapEndpointKeepAliveAck(PoolHandle.FromString("EchoPool"), 7)), handler.Ref);
            await Task.CompletedTask;
        });

        var answer = await ReceiveOneAsync(client);
        Assert.Equal(new AsapEndpointKeepAliveAck(PoolHandle.FromString("EchoPool"), 7), AsapWireCodec.Instance.TryDecode(answer, WireLimits.Default, out var message, out _, out _) ? message : null);
    }

    // The dropped answer still settles its request: a peer that half-closes is not kept waiting for it (send-stall
    // timeout, 5 s) before the association closes. The live fuzz test's connections each waited that long.
    [Fact]
    public async Task A_dropped_answer_settles_its_request_so_a_half_closed_association_ends_at_once()
    {
        var handler = CreateTestProbe("handler");
        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        var association = await AcceptAsync(handler, client);

        await client.SendAsync(AsapEncoder.EncodeToArray(new AsapRegistration(Asap.EchoPool, Asap.Pe(0x21, PoolMemberSelectionPolicy.RoundRobin(), port: 7100))), SocketFlags.None);
        await handler.ExpectMsgAsync<AssociationReceived<AsapMessage>>(Timeout);
        client.Shutdown(SocketShutdown.Send);

        var handle = PoolHandle.FromString(new string('x', 40_000));
        var tooLong = new AsapRegistrationResponse(handle, 0x21, Rejected: true,
            new OperationError(new ErrorCause(ErrorCauseCode.InvalidValues, ValueArray.Create<byte>(new byte[40_004]))));
        association.Tell(new AssociationSend<AsapMessage>(tooLong), handler.Ref);

        // Well inside the send-stall timeout (5 s) that closed it before.
        await handler.ExpectTerminatedAsync(association, TimeSpan.FromSeconds(2.5));
    }

    // A listener, one client connected to it, and its association watched by the handler probe.
    private async Task<IActorRef> AcceptAsync(TestProbe handler, Socket client)
    {
        Sys.ActorOf(TcpListenerActor<AsapMessage>.Props(new IPEndPoint(IPAddress.Loopback, 0), handler.Ref, AsapWireCodec.Instance,
            AssociationSettings.Default, maxAssociations: 2));
        var endpoint = (await handler.ExpectMsgAsync<Bound>(Timeout)).LocalEndPoint;
        await client.ConnectAsync(endpoint);
        var association = (await handler.ExpectMsgAsync<AssociationEstablished>(Timeout)).Association;
        handler.Watch(association);
        return association;
    }

    private static async Task<byte[]> ReceiveOneAsync(Socket client)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        byte[] header = new byte[4];
        for (int read = 0; read < 4;)
        {
            read += await client.ReceiveAsync(header.AsMemory(read), SocketFlags.None, timeout.Token);
        }

        int length = (header[2] << 8) | header[3];
        byte[] frame = new byte[(length + 3) & ~3];
        header.CopyTo(frame, 0);
        for (int read = 4; read < frame.Length;)
        {
            read += await client.ReceiveAsync(frame.AsMemory(read), SocketFlags.None, timeout.Token);
        }

        return frame;
    }
}
