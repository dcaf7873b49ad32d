using System.Net;
using System.Net.Sockets;
using Akka.TestKit;
using RSerPool.Actors.Transport;
using RSerPool.TestKit;
using RSerPool.Wire.Codec;
using RSerPool.Wire.Messages.Asap;
using Xunit;

namespace RSerPool.Actors.Tests.Transport;

/// <summary>
/// Issue 13: a client sending bad messages gets an Error for each, but the log gets one line per kind of fault and
/// association, and one summary with the count when the association ends (210,000 bad messages wrote 29 MB of log).
/// </summary>
public sealed class BadFrameLoggingSpec : RealTimeTestKit
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Bad_messages_are_each_answered_but_logged_once_per_kind_and_counted_at_the_end()
    {
        var handler = CreateTestProbe();
        Sys.ActorOf(TcpListenerActor<AsapMessage>.Props(new IPEndPoint(IPAddress.Loopback, 0), handler.Ref, AsapWireCodec.Instance, AssociationSettings.Default, 4));
        var bound = await handler.ExpectMsgAsync<Bound>(Timeout);
        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await client.ConnectAsync(bound.LocalEndPoint);
        var established = await handler.ExpectMsgAsync<AssociationEstablished>(Timeout);
        const int count = 50;

        await EventFilter.Warning(contains: "answered with an Error").ExpectAsync(2, async () =>
        {
            for (int i = 0; i < count; i++)
            {
                byte type = (byte)(0x70 + (i % 2));   // two unknown message types: one kind of fault
                await client.SendAsync(new byte[] { type, 0x00, 0x00, 0x08, 0xde, 0xad, 0xbe, (byte)i }, SocketFlags.None);
            }

            await client.SendAsync(new byte[] { 0x05, 0x00, 0x00, 0x08, 0x00, 0x09, 0x00, 0x40 }, SocketFlags.None);   // another kind: a bad parameter
            for (int i = 0; i <= count; i++)
            {
                var header = new byte[8];
                await ReceiveExactlyAsync(client, header.AsMemory(0, 4));
                int length = (header[2] << 8) | header[3];
                await ReceiveExactlyAsync(client, new byte[((length + 3) & ~3) - 4]);
                Assert.Equal((byte)AsapMessageType.Error, header[0]);
            }
        }, Timeout);

        await EventFilter.Warning(contains: $"{count + 1} messages answered with an Error in all").ExpectOneAsync(Timeout, async () =>
        {
            Watch(established.Association);
            client.Shutdown(SocketShutdown.Both);
            await ExpectTerminatedAsync(established.Association, Timeout);
        });
    }

    private static async Task ReceiveExactlyAsync(Socket client, Memory<byte> buffer)
    {
        int received = 0;
        while (received < buffer.Length)
        {
            int n = await client.ReceiveAsync(buffer[received..], SocketFlags.None);
            Assert.True(n > 0, "connection closed");
            received += n;
        }
    }
}
