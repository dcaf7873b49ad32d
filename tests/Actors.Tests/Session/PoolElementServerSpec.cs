using System.Net;
using System.Net.Sockets;
using System.Text;
using RSerPool.Actors.Api;
using Akka.TestKit;
using RSerPool.TestKit;
using RSerPool.Wire;
using RSerPool.Wire.Messages.Asap;
using RSerPool.Wire.Parameters;
using RSerPool.Wire.Session;
using Xunit;
using RSerPool.Actors.Session;

namespace RSerPool.Actors.Tests.Session;

/// <summary>
/// The PE side of session mode on real loopback sockets, driven by a raw shim client (docs/session-shim.md):
/// replies precede the ack of the message they answer, cookies reach the PU, Cookie Echo reaches the service,
/// heartbeats are answered, the business card is sent on open, broken framing closes the session.
/// </summary>
public sealed class PoolElementServerSpec : RealTimeTestKit, IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private static readonly AsapBusinessCard Card = new(
        PoolHandle.FromString("echo"),
        [new PoolElement(7, 0, 30000, new TcpTransport(9999, TransportUse.DataPlusControl, [IPAddress.Loopback]), PoolMemberSelectionPolicy.RoundRobin())]);

    private readonly TestProbe _events;
    private readonly List<Socket> _clients = new();
    private PoolElementServer _server = null!;
    private RecordingEchoService _service = null!;

    public PoolElementServerSpec()
        : base()
    {
        _events = CreateTestProbe("service-events");
    }

    public async Task InitializeAsync()
    {
        _service = new RecordingEchoService("A", _events.Ref) { FailFrom = 3 };
        _server = await PoolElementServer.StartAsync(Sys, new IPEndPoint(IPAddress.Loopback, 0), _service,
            PoolElementServerOptions.Default with { BusinessCard = Card });
    }

    public async Task DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        await _server.DisposeAsync();
    }

    [Fact]
    public void Binds_port_zero_to_a_real_port_and_offers_it_as_tcp_user_transport()
    {
        Assert.NotEqual(0, _server.LocalEndPoint.Port);
        var transport = _server.ToUserTransport();
        Assert.Equal((ushort)_server.LocalEndPoint.Port, transport.Port);
        Assert.Equal([IPAddress.Loopback], transport.Addresses.ToArray());
    }

    [Fact]
    public async Task Answers_then_acknowledges_an_ack_requested_message_and_sends_the_cookie()
    {
        var client = await ConnectAsync();
        Assert.Equal(new ShimAsapFrame(Card), await client.ReadAsync());   // business card on open
        await _events.ExpectMsgAsync<ServiceEvent>(e => e.Call == "opened", Timeout);

        await client.WriteAsync(new ShimDataFrame(1, true, Bytes("hello")));
        Assert.Equal(new ShimDataFrame(1, false, Bytes("A:hello")), await client.ReadAsync());
        Assert.Equal(new ShimAsapFrame(new AsapCookie(Bytes("A:1"))), await client.ReadAsync());
        Assert.Equal(new ShimAckFrame(1), await client.ReadAsync());       // after the service handled it

        await client.WriteAsync(new ShimDataFrame(2, false, Bytes("no-ack")));
        Assert.Equal(new ShimDataFrame(2, false, Bytes("A:no-ack")), await client.ReadAsync());
        Assert.Equal(new ShimAsapFrame(new AsapCookie(Bytes("A:2"))), await client.ReadAsync());
        await client.WriteAsync(new ShimHeartbeatFrame(42));
        Assert.Equal(new ShimHeartbeatAckFrame(42), await client.ReadAsync());   // no ack came in between
    }

    [Fact]
    public async Task Cookie_echo_reaches_the_service_and_heartbeats_are_answered()
    {
        var client = await ConnectAsync();
        await client.ReadAsync();
        await client.WriteAsync(new ShimAsapFrame(new AsapCookieEcho(Bytes("B:9"))));
        await client.WriteAsync(new ShimHeartbeatFrame(ulong.MaxValue));

        Assert.Equal(new ShimHeartbeatAckFrame(ulong.MaxValue), await client.ReadAsync());
        await _events.ExpectMsgAsync<ServiceEvent>(e => e.Call == "opened", Timeout);
        await _events.ExpectMsgAsync<ServiceEvent>(e => e.Call == "cookie-echo" && e.Text == "B:9", Timeout);
    }

    [Fact]
    public async Task A_warm_up_runs_one_session_without_any_message()
    {
        await _server.WarmUpAsync().WaitAsync(Timeout);
        await _events.ExpectMsgAsync<ServiceEvent>(e => e.Call == "opened", Timeout);
        await _events.ExpectMsgAsync<ServiceEvent>(e => e.Call == "closed", Timeout);
    }

    [Fact]
    public async Task The_pu_business_card_reaches_the_service()
    {
        var client = await ConnectAsync();
        await client.ReadAsync();
        var puCard = new AsapBusinessCard(PoolHandle.FromString("pu-pool"), Card.PoolElements);
        await client.WriteAsync(new ShimAsapFrame(puCard));
        await _events.ExpectMsgAsync<ServiceEvent>(e => e.Call == "opened", Timeout);
        await _events.ExpectMsgAsync<ServiceEvent>(e => e.Call == "business-card" && e.Text == "pu-pool", Timeout);
    }

    [Fact]
    public async Task Broken_framing_closes_the_session()
    {
        var client = await ConnectAsync();
        await client.ReadAsync();
        await _events.ExpectMsgAsync<ServiceEvent>(e => e.Call == "opened", Timeout);

        await client.WriteRawAsync(Convert.FromHexString("0000000100000000"));   // unknown PPID
        await _events.ExpectMsgAsync<ServiceEvent>(e => e.Call == "closed", Timeout);
        Assert.Null(await client.ReadAsync());                                  // the PE closed the connection
    }

    [Fact]
    public async Task Failing_service_closes_the_session_without_acknowledging()
    {
        var client = await ConnectAsync();
        await client.ReadAsync();
        await client.WriteAsync(new ShimDataFrame(1, true, Bytes("one")));
        await client.WriteAsync(new ShimDataFrame(2, true, Bytes("two")));
        await client.WriteAsync(new ShimDataFrame(3, true, Bytes("three")));   // the service throws here
        await client.WriteAsync(new ShimDataFrame(4, true, Bytes("four")));    // never handled

        var frames = new List<ShimFrame>();
        for (int i = 0; i < 20 && await client.ReadAsync() is { } frame; i++)
        {
            frames.Add(frame);
        }

        Assert.Equal([new ShimAckFrame(1), new ShimAckFrame(2)], frames.OfType<ShimAckFrame>().ToArray());
        Assert.Equal(4, frames.Count(f => f is ShimDataFrame or ShimAsapFrame));   // two replies, two cookies
        await _events.ExpectMsgAsync<ServiceEvent>(e => e.Call == "opened", Timeout);
        await _events.ExpectMsgAsync<ServiceEvent>(e => e.Text == "one", Timeout);
        await _events.ExpectMsgAsync<ServiceEvent>(e => e.Text == "two", Timeout);
        await _events.ExpectMsgAsync<ServiceEvent>(e => e.Text == "three", Timeout);
        await _events.ExpectMsgAsync<ServiceEvent>(e => e.Call == "closed", Timeout);
    }

    private async Task<ShimClient> ConnectAsync()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        _clients.Add(socket);
        await socket.ConnectAsync(_server.LocalEndPoint);
        return new ShimClient(socket, Timeout);
    }

    private static ValueArray<byte> Bytes(string text) => ValueArray.Create<byte>(Encoding.ASCII.GetBytes(text));
}
