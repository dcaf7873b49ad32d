using System.Net;
using System.Net.Sockets;
using Akka.TestKit;
using RSerPool.Actors.Api;
using RSerPool.Actors.Session;
using RSerPool.TestKit;
using RSerPool.Wire.Session;
using Xunit;

namespace RSerPool.Actors.Tests.Session;

/// <summary>
/// The PE's session listener against stalled PUs (issue 13: 1,030 stalled connections made a PE refuse every PU), in
/// virtual time on real loopback sockets: a connection that sends no complete frame is closed after the first-frame
/// timeout, and one source address cannot take every session slot.
/// </summary>
public sealed class PoolElementServerLimitsSpec : VirtualTimeTestKit, IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private static readonly PoolElementServerOptions Options = PoolElementServerOptions.Default with
    {
        MaxSessions = 10,
        MaxSessionsPerHost = 2,
        FirstFrameTimeout = TimeSpan.FromSeconds(5),
    };

    private readonly TestProbe _events;
    private readonly List<Socket> _clients = [];
    private PoolElementServer _server = null!;

    public PoolElementServerLimitsSpec()
    {
        _events = CreateTestProbe("service-events");
    }

    public async Task InitializeAsync() =>
        _server = await PoolElementServer.StartAsync(Sys, new IPEndPoint(IPAddress.Loopback, 0), new RecordingEchoService("A", _events.Ref), Options);

    public async Task DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        await _server.DisposeAsync();
    }

    private async Task<Socket> ConnectAsync(IPAddress from)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        _clients.Add(socket);
        socket.Bind(new IPEndPoint(from, 0));
        await socket.ConnectAsync(_server.LocalEndPoint);
        return socket;
    }

    private static async Task ExpectEndOfStreamAsync(Socket client)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        Assert.Equal(0, await client.ReceiveAsync(new byte[64], SocketFlags.None, timeout.Token));
    }

    [Fact]
    public async Task A_connection_that_sends_half_a_frame_is_closed_after_the_first_frame_timeout()
    {
        var stalled = await ConnectAsync(IPAddress.Loopback);
        await _events.ExpectMsgAsync<ServiceEvent>(e => e.Call == "opened", Timeout);
        await stalled.SendAsync(new byte[] { 0x00, 0x00 }, SocketFlags.None);

        Advance(Options.FirstFrameTimeout - TimeSpan.FromMilliseconds(1));
        await _events.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(200));
        Advance(TimeSpan.FromMilliseconds(1));

        await _events.ExpectMsgAsync<ServiceEvent>(e => e.Call == "closed", Timeout);
        await ExpectEndOfStreamAsync(stalled);
    }

    [Fact]
    public async Task A_pu_that_sends_a_frame_in_time_keeps_its_session()
    {
        var client = new ShimClient(await ConnectAsync(IPAddress.Loopback), Timeout);
        await _events.ExpectMsgAsync<ServiceEvent>(e => e.Call == "opened", Timeout);
        await client.WriteAsync(new ShimHeartbeatFrame(7));
        Assert.Equal(new ShimHeartbeatAckFrame(7), await client.ReadAsync());

        Advance(Options.FirstFrameTimeout * 2);
        await _events.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(200));
        await client.WriteAsync(new ShimHeartbeatFrame(8));
        Assert.Equal(new ShimHeartbeatAckFrame(8), await client.ReadAsync());
    }

    [Fact]
    public async Task One_source_address_cannot_take_every_session_slot()
    {
        var other = IPAddress.Parse("127.0.0.2");
        await ConnectAsync(other);
        await _events.ExpectMsgAsync<ServiceEvent>(e => e.Call == "opened", Timeout);
        await ConnectAsync(other);
        await _events.ExpectMsgAsync<ServiceEvent>(e => e.Call == "opened", Timeout);

        await ExpectEndOfStreamAsync(await ConnectAsync(other));

        await ConnectAsync(IPAddress.Loopback);
        await _events.ExpectMsgAsync<ServiceEvent>(e => e.Call == "opened", Timeout);
    }
}
