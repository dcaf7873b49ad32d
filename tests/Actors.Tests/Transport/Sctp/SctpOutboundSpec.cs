using System.Net;
using System.Net.Sockets;
using RSerPool.Actors.Transport.Sctp;
using Xunit;

namespace RSerPool.Actors.Tests.Transport.Sctp;

/// <summary>
/// The outgoing side of an SCTP association (<see cref="SctpOutbound"/>) on real kernel SCTP over loopback: with
/// nothing queued, a message goes out at once on the caller's thread (no write loop needed), queued messages keep
/// their order behind it. Skipped where the kernel has no SCTP; the lab guest runs them.
/// </summary>
public sealed class SctpOutboundSpec : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private readonly List<SctpSocket> _sockets = [];
    private readonly List<SctpTestClient> _clients = [];

    public void Dispose()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }
        foreach (var socket in _sockets)
        {
            socket.Dispose();
        }
    }

    [SctpFact]
    public async Task With_nothing_queued_a_message_is_sent_at_once_without_the_write_loop()
    {
        var (server, client) = await ConnectAsync();
        var outbound = new SctpOutbound(server, new SctpSendInfo(2, SctpPayloadProtocol.Asap), maxPendingBytes: 1 << 20, TimeSpan.FromMilliseconds(200));

        // The write loop is never started: only a send on this thread can deliver.
        Assert.True(outbound.TryEnqueue([1, 2, 3, 4], new SctpSendInfo(2, SctpPayloadProtocol.Asap)));
        Assert.Equal(0, outbound.PendingBytes);

        var (bytes, info) = await client.ReceiveAsync();
        Assert.Equal(new byte[] { 1, 2, 3, 4 }, bytes);
        Assert.Equal(SctpPayloadProtocol.Asap, info!.Value.PayloadProtocolId);
        Assert.Equal((ushort)2, info.Value.Stream);
    }

    [SctpFact]
    public async Task Many_messages_arrive_whole_and_in_order_whether_sent_at_once_or_queued()
    {
        const int Count = 2000;
        var (server, client) = await ConnectAsync();
        var outbound = new SctpOutbound(server, new SctpSendInfo(0, SctpPayloadProtocol.Asap), maxPendingBytes: 64 << 20, TimeSpan.FromMilliseconds(200));
        using var stop = new CancellationTokenSource();
        outbound.Start(Akka.Actor.ActorRefs.Nobody, stop.Token);

        // 2,000 x 1,000 bytes overflow the socket's send buffer while nobody reads: later ones queue.
        for (int i = 0; i < Count; i++)
        {
            var message = new byte[1000];
            BitConverter.TryWriteBytes(message, i);
            Assert.True(outbound.TryEnqueue(message, new SctpSendInfo(0, SctpPayloadProtocol.Asap)));
        }

        for (int i = 0; i < Count; i++)
        {
            var (bytes, _) = await client.ReceiveAsync();
            Assert.Equal(1000, bytes.Length);
            Assert.Equal(i, BitConverter.ToInt32(bytes));
        }
        outbound.Complete();
        await stop.CancelAsync();
    }

    private async Task<(SctpSocket Server, SctpTestClient Client)> ConnectAsync()
    {
        var listener = SctpSocket.OpenListener(new IPEndPoint(IPAddress.Loopback, 0), SctpSocketStyle.OneToOne, backlog: 4);
        _sockets.Add(listener);
        var client = await SctpTestClient.ConnectAsync(listener.LocalEndPoint!, Timeout);
        _clients.Add(client);
        for (int wait = 0; wait < 100; wait++)
        {
            if (await Task.Run(() => listener.WaitReady(write: false, TimeSpan.FromMilliseconds(200))) && listener.TryAccept() is { } accepted)
            {
                _sockets.Add(accepted);
                accepted.PrepareForMessages();
                return (accepted, client);
            }
        }
        throw new TimeoutException("no SCTP association to accept");
    }
}
