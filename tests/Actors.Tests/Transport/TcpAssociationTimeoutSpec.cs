using System.Net;
using System.Net.Sockets;
using Akka.Actor;
using Akka.TestKit;
using RSerPool.Actors.Transport;
using RSerPool.TestKit;
using RSerPool.Wire.Codec;
using RSerPool.Wire.Messages.Asap;
using RSerPool.Wire.Parameters;
using Xunit;

namespace RSerPool.Actors.Tests.Transport;

/// <summary>
/// The liveness check of accepted stream associations in virtual time, on real loopback sockets: a connection that
/// sends no complete first message, or starts a message and never completes it, is closed after its timeout.
/// </summary>
public sealed class TcpAssociationTimeoutSpec : VirtualTimeTestKit
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private static readonly AssociationSettings Settings = AssociationSettings.Default with
    {
        FirstMessageTimeout = TimeSpan.FromSeconds(4),
        PartialFrameTimeout = TimeSpan.FromSeconds(2),
        SendStallTimeout = TimeSpan.FromSeconds(2),
    };

    private readonly List<Socket> _clients = [];

    protected override void Dispose(bool disposing)
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }
        base.Dispose(disposing);
    }

    private async Task<(Socket Client, IActorRef Association, TestProbe Handler)> ConnectAsync()
    {
        var handler = CreateTestProbe();
        Sys.ActorOf(TcpListenerActor<AsapMessage>.Props(new IPEndPoint(IPAddress.Loopback, 0), handler.Ref, AsapWireCodec.Instance, Settings, 10));
        var endpoint = (await handler.ExpectMsgAsync<Bound>(Timeout)).LocalEndPoint;
        var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        _clients.Add(client);
        await client.ConnectAsync(endpoint);
        var association = (await handler.ExpectMsgAsync<AssociationEstablished>(Timeout)).Association;
        handler.Watch(association);
        return (client, association, handler);
    }

    // Advances virtual time one check interval at a time until the association ends; returns the virtual time it took.
    private async Task<TimeSpan> AdvanceUntilClosedAsync(TestProbe handler, IActorRef association, TimeSpan limit)
    {
        var start = Scheduler.Now;
        while (Scheduler.Now - start <= limit)
        {
            Advance(Settings.LivenessCheckInterval);
            if (await handler.ReceiveOneAsync(TimeSpan.FromMilliseconds(50)) is Terminated t && t.ActorRef.Equals(association))
            {
                return Scheduler.Now - start;
            }
        }
        throw new Xunit.Sdk.XunitException($"the association was still open {limit} after the stall began");
    }

    [Fact]
    public async Task A_silent_connection_is_closed_after_the_first_message_timeout()
    {
        var (client, association, handler) = await ConnectAsync();

        var took = await AdvanceUntilClosedAsync(handler, association, Settings.FirstMessageTimeout * 2);

        Assert.InRange(took, Settings.FirstMessageTimeout, Settings.FirstMessageTimeout + Settings.LivenessCheckInterval);
        using var eof = new CancellationTokenSource(Timeout);
        Assert.Equal(0, await client.ReceiveAsync(new byte[16], SocketFlags.None, eof.Token));
    }

    [Fact]
    public async Task A_connection_that_sends_only_half_a_header_is_closed_after_the_partial_frame_timeout()
    {
        var (client, association, handler) = await ConnectAsync();
        await client.SendAsync(new byte[] { 0x03, 0x00 });

        var took = await AdvanceUntilClosedAsync(handler, association, Settings.PartialFrameTimeout * 3);

        Assert.InRange(took, Settings.PartialFrameTimeout, Settings.PartialFrameTimeout + 2 * Settings.LivenessCheckInterval);
        using var eof = new CancellationTokenSource(Timeout);
        Assert.Equal(0, await client.ReceiveAsync(new byte[16], SocketFlags.None, eof.Token));
    }

    [Fact]
    public async Task A_started_message_that_never_completes_is_closed_after_the_partial_frame_timeout()
    {
        var (client, association, handler) = await ConnectAsync();
        byte[] resolution = AsapEncoder.EncodeToArray(new AsapHandleResolution(PoolHandle.FromString("EchoPool")));
        await client.SendAsync((byte[])[.. resolution, .. resolution[..6]]);
        await handler.ExpectMsgAsync<AssociationReceived<AsapMessage>>(Timeout);

        var took = await AdvanceUntilClosedAsync(handler, association, Settings.PartialFrameTimeout * 3);

        Assert.InRange(took, Settings.PartialFrameTimeout, Settings.PartialFrameTimeout + 2 * Settings.LivenessCheckInterval);
    }

    [Fact]
    public async Task A_connection_that_keeps_sending_complete_messages_stays_open()
    {
        var (client, association, handler) = await ConnectAsync();
        byte[] resolution = AsapEncoder.EncodeToArray(new AsapHandleResolution(PoolHandle.FromString("EchoPool")));
        for (int i = 0; i < 12; i++)
        {
            await client.SendAsync(resolution);
            await handler.ExpectMsgAsync<AssociationReceived<AsapMessage>>(Timeout);
            Advance(Settings.LivenessCheckInterval);
        }

        await handler.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
    }
}
