using System.Net;
using System.Net.Sockets;
using System.Text;
using RSerPool.Actors.Api;
using Akka.Actor;
using Akka.TestKit;
using RSerPool.TestKit;
using RSerPool.Actors.Session;
using RSerPool.Actors.Tests.Session;
using RSerPool.Actors.Transport.Sctp;
using RSerPool.Wire;
using RSerPool.Wire.Codec;
using RSerPool.Wire.Messages.Asap;
using RSerPool.Wire.Session;
using Xunit;

namespace RSerPool.Actors.Tests.Transport.Sctp;

/// <summary>
/// The PU-PE channel over real kernel SCTP on loopback (RFC 5352 §5): application data as bare bytes on its own
/// PPID, ASAP control messages on PPID 11, one message per SCTP message, both for the PU's connection actor and for the
/// PE's SCTP server in both socket styles (one-to-many, one-to-one). Skipped where the kernel has no SCTP; scripts/interop/rsplib.sh runs them in the lab guest.
/// </summary>
public sealed class SctpSessionSpec : RealTimeTestKit, IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private readonly TestProbe _handler;
    private readonly List<SctpSocket> _sockets = [];

    public SctpSessionSpec()
        : base()
    {
        _handler = CreateTestProbe("handler");
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        foreach (var socket in _sockets)
        {
            socket.Dispose();
        }
        return Task.CompletedTask;
    }

    [SctpFact]
    public async Task The_pu_connection_sends_data_on_its_ppid_and_control_on_ppid_11_and_a_reply_acknowledges()
    {
        var listener = Listen(out var endpoint);
        var settings = SctpSessionSettings.Default with { DataPayloadProtocolId = 33, ReplyWithReceivedPayloadProtocolId = false, Acknowledgement = SctpDataAcknowledgement.OnReply };
        var connection = Sys.ActorOf(SctpSessionConnectionActor.Connect(endpoint, _handler.Ref, settings), "pu-connection");
        await _handler.ExpectMsgAsync<ShimConnected>(Timeout);
        var pe = await AcceptAsync(listener);

        connection.Tell(new ShimSend(new ShimDataFrame(1, true, ValueArray.Create("ping"u8))), _handler.Ref);
        var (data, dataPpid) = await ReceiveAsync(pe);
        Assert.Equal("ping", Encoding.ASCII.GetString(data));
        Assert.Equal(33u, dataPpid);

        var echo = new AsapCookieEcho(ValueArray.Create("state"u8));
        connection.Tell(new ShimSend(new ShimAsapFrame(echo)), _handler.Ref);
        var (control, controlPpid) = await ReceiveAsync(pe);
        Assert.Equal(SctpPayloadProtocol.Asap, controlPpid);
        Assert.Equal(echo, AsapDecoder.Decode(control));

        Send(pe, AsapEncoder.EncodeToArray(new AsapCookie(ValueArray.Create("next"u8))), SctpPayloadProtocol.Asap);
        var cookie = await _handler.ExpectMsgAsync<ShimReceived>(Timeout);
        Assert.Equal(new AsapCookie(ValueArray.Create("next"u8)), Assert.IsType<ShimAsapFrame>(cookie.Frame).Message);

        Send(pe, "pong"u8.ToArray(), 33);
        Assert.Equal(new ShimAckFrame(1), (await _handler.ExpectMsgAsync<ShimReceived>(Timeout)).Frame);
        var reply = Assert.IsType<ShimDataFrame>((await _handler.ExpectMsgAsync<ShimReceived>(Timeout)).Frame);
        Assert.Equal("pong", Encoding.ASCII.GetString(reply.Payload.AsSpan()));

        connection.Tell(new ShimSend(new ShimHeartbeatFrame(7)), _handler.Ref);   // answered locally: SCTP has its own
        Assert.Equal(new ShimHeartbeatAckFrame(7), (await _handler.ExpectMsgAsync<ShimReceived>(Timeout)).Frame);
    }

    [SctpTheory]
    [InlineData(SctpSocketStyle.OneToMany)]
    [InlineData(SctpSocketStyle.OneToOne)]
    public async Task The_pe_server_echoes_with_the_pu_s_ppid_and_hands_a_cookie_echo_to_the_service(SctpSocketStyle style)
    {
        var service = new RecordingEchoService("pe", _handler.Ref);
        await using var server = await PoolElementServer.StartSctpAsync(Sys, new IPEndPoint(IPAddress.Loopback, 0), service,
            sctp: SctpSessionSettings.Default with { SocketStyle = style });
        Assert.True(server.IsSctp);
        Assert.IsType<RSerPool.Wire.Parameters.SctpTransport>(server.ToRegisteredTransport());

        var pu = SctpSocket.Create(AddressFamily.InterNetwork);
        _sockets.Add(pu);
        pu.PrepareForMessages();
        await Task.Run(() => pu.Connect(server.LocalEndPoint, Timeout));
        Assert.Equal("opened", (await _handler.ExpectMsgAsync<ServiceEvent>(Timeout)).Call);

        Send(pu, AsapEncoder.EncodeToArray(new AsapCookieEcho(ValueArray.Create("c1"u8))), SctpPayloadProtocol.Asap);
        Send(pu, "hello"u8.ToArray(), 0);
        var events = new[] { await _handler.ExpectMsgAsync<ServiceEvent>(Timeout), await _handler.ExpectMsgAsync<ServiceEvent>(Timeout) };
        Assert.Contains(events, e => e.Call == "cookie-echo" && e.Text == "c1");
        Assert.Contains(events, e => e.Call == "message" && e.Text == "hello");

        var (answer, ppid) = await ReceiveAsync(pu);
        Assert.Equal("pe:hello", Encoding.ASCII.GetString(answer));
        Assert.Equal(0u, ppid);
        var (cookie, cookiePpid) = await ReceiveAsync(pu);                        // the service's state cookie
        Assert.Equal(SctpPayloadProtocol.Asap, cookiePpid);
        Assert.IsType<AsapCookie>(AsapDecoder.Decode(cookie));
    }

    private SctpSocket Listen(out IPEndPoint endpoint)
    {
        var listener = SctpSocket.Create(AddressFamily.InterNetwork);
        _sockets.Add(listener);
        listener.PrepareForMessages();
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(4);
        endpoint = listener.LocalEndPoint!;
        return listener;
    }

    private async Task<SctpSocket> AcceptAsync(SctpSocket listener)
    {
        for (int wait = 0; wait < 100; wait++)
        {
            if (await Task.Run(() => listener.WaitReady(write: false, TimeSpan.FromMilliseconds(200))) && listener.TryAccept() is { } accepted)
            {
                _sockets.Add(accepted);
                accepted.PrepareForMessages();
                return accepted;
            }
        }
        throw new TimeoutException("no SCTP association to accept");
    }

    private static void Send(SctpSocket socket, byte[] message, uint payloadProtocolId)
    {
        for (int attempt = 0; attempt < 100; attempt++)
        {
            if (socket.TrySend(message, new SctpSendInfo(0, payloadProtocolId), out int errno) == SctpSendStatus.Sent)
            {
                return;
            }
            Assert.True(errno == 11, $"sendmsg failed: errno {errno}");
            socket.WaitReady(write: true, TimeSpan.FromMilliseconds(100));
        }
        Assert.Fail("sendmsg never had room");
    }

    private static async Task<(byte[] Bytes, uint PayloadProtocolId)> ReceiveAsync(SctpSocket socket)
    {
        var (bytes, info) = await SctpTestClient.ReceiveAsync(socket);
        return (bytes, info?.PayloadProtocolId ?? 0);
    }
}
