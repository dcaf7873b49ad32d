using System.Net;
using System.Text;
using RSerPool.Actors.Api;
using Akka.TestKit;
using RSerPool.TestKit;
using RSerPool.Actors.Session;
using RSerPool.Actors.Tests.Session;
using RSerPool.Actors.Transport.Sctp;
using RSerPool.Wire.Codec;
using RSerPool.Wire.Messages.Asap;
using Xunit;

namespace RSerPool.Actors.Tests.Transport.Sctp;

/// <summary>
/// A PE's SCTP session server with several PU associations at once, in both socket styles (RFC 6458 §3, §4): the
/// one-to-many server (one socket, one read loop) must keep associations apart exactly as the one-to-one server (a
/// socket each) does: each its own session, reply PPID and end (RFC 5352 §5). Real kernel SCTP on loopback;
/// skipped where the kernel has none, run in the lab guest by scripts/interop/rsplib.sh.
/// </summary>
public sealed class SctpPoolElementServerSpec : RealTimeTestKit, IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private readonly TestProbe _events;
    private readonly List<SctpTestClient> _clients = [];

    public SctpPoolElementServerSpec()
        : base()
    {
        _events = CreateTestProbe("service-events");
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }
        return Task.CompletedTask;
    }

    [SctpTheory]
    [InlineData(SctpSocketStyle.OneToMany)]
    [InlineData(SctpSocketStyle.OneToOne)]
    public async Task Two_pu_associations_at_once_are_kept_apart_each_with_its_own_reply_ppid(SctpSocketStyle style)
    {
        await using var server = await StartAsync(style);
        var first = await ConnectAsync(server);
        var second = await ConnectAsync(server);

        first.Send("one"u8.ToArray(), 33);
        await ExpectCallAsync("message", "one");
        await ExpectEchoAsync(first, "pe:one", 33);

        second.Send("two"u8.ToArray(), 7);
        await ExpectCallAsync("message", "two");
        await ExpectEchoAsync(second, "pe:two", 7);

        first.Send("three"u8.ToArray(), 33);                                 // the first keeps its own PPID
        await ExpectCallAsync("message", "three");
        await ExpectEchoAsync(first, "pe:three", 33);
    }

    [SctpTheory]
    [InlineData(SctpSocketStyle.OneToMany)]
    [InlineData(SctpSocketStyle.OneToOne)]
    public async Task A_pu_closing_its_association_ends_only_its_own_session(SctpSocketStyle style)
    {
        await using var server = await StartAsync(style);
        var leaving = await ConnectAsync(server);
        var staying = await ConnectAsync(server);

        leaving.Dispose();                                                   // graceful SHUTDOWN of that association
        await ExpectCallAsync("closed", "");

        staying.Send("still"u8.ToArray(), 0);
        await ExpectCallAsync("message", "still");
        await ExpectEchoAsync(staying, "pe:still", 0);
    }

    [SctpTheory]
    [InlineData(SctpSocketStyle.OneToMany)]
    [InlineData(SctpSocketStyle.OneToOne)]
    public async Task Stopping_the_server_ends_every_session_and_association(SctpSocketStyle style)
    {
        var server = await StartAsync(style);
        var first = await ConnectAsync(server);
        var second = await ConnectAsync(server);

        await server.DisposeAsync();

        await ExpectCallAsync("closed", "");
        await ExpectCallAsync("closed", "");
        await first.ReadUntilEndAsync();                                     // throws when the association stays up
        await second.ReadUntilEndAsync();
    }

    [SctpTheory]
    [InlineData(SctpSocketStyle.OneToMany)]
    [InlineData(SctpSocketStyle.OneToOne)]
    public async Task A_message_longer_than_the_limit_ends_only_that_pu_s_session(SctpSocketStyle style)
    {
        await using var server = await StartAsync(style, sctp: SctpSessionSettings.Default with { MaxMessageLength = 1024 });
        var offender = await ConnectAsync(server);
        var other = await ConnectAsync(server);

        offender.Send(new byte[3000], 0);
        await ExpectCallAsync("closed", "");
        await offender.ReadUntilEndAsync();

        other.Send(new byte[1024], 0);                                       // exactly the limit is fine
        Assert.Equal("message", (await _events.ExpectMsgAsync<ServiceEvent>(Timeout)).Call);
        var (answer, _) = await other.ReceiveAsync();
        Assert.Equal(3 + 1024, answer.Length);
    }

    [SctpTheory]
    [InlineData(SctpSocketStyle.OneToMany)]
    [InlineData(SctpSocketStyle.OneToOne)]
    public async Task Associations_beyond_max_sessions_are_ended_without_a_session(SctpSocketStyle style)
    {
        await using var server = await StartAsync(style, PoolElementServerOptions.Default with { MaxSessions = 1 });
        var served = await ConnectAsync(server);
        var refused = await SctpTestClient.ConnectAsync(server.LocalEndPoint, Timeout);
        _clients.Add(refused);

        await refused.ReadUntilEndAsync();
        served.Send("served"u8.ToArray(), 0);
        await ExpectCallAsync("message", "served");                          // no "opened" for the refused one
        await ExpectEchoAsync(served, "pe:served", 0);
    }

    private async Task<PoolElementServer> StartAsync(SctpSocketStyle style, PoolElementServerOptions? options = null, SctpSessionSettings? sctp = null)
    {
        var server = await PoolElementServer.StartSctpAsync(Sys, new IPEndPoint(IPAddress.Loopback, 0), new RecordingEchoService("pe", _events.Ref),
            options, (sctp ?? SctpSessionSettings.Default) with { SocketStyle = style });
        Assert.True(server.IsSctp);
        return server;
    }

    private async Task<SctpTestClient> ConnectAsync(PoolElementServer server)
    {
        var client = await SctpTestClient.ConnectAsync(server.LocalEndPoint, Timeout);
        _clients.Add(client);
        await ExpectCallAsync("opened", "");
        return client;
    }

    private async Task ExpectCallAsync(string call, string text)
    {
        var received = await _events.ExpectMsgAsync<ServiceEvent>(Timeout);
        Assert.Equal(new ServiceEvent("pe", call, text), received);
    }

    /// <summary>The service's answer with the PU's PPID, then its cookie on PPID 11, on this association.</summary>
    private static async Task ExpectEchoAsync(SctpTestClient client, string expected, uint payloadProtocolId)
    {
        var (answer, info) = await client.ReceiveAsync();
        Assert.Equal(expected, Encoding.ASCII.GetString(answer));
        Assert.Equal(payloadProtocolId, info?.PayloadProtocolId);
        var (cookie, cookieInfo) = await client.ReceiveAsync();
        Assert.Equal(SctpPayloadProtocol.Asap, cookieInfo?.PayloadProtocolId);
        Assert.IsType<AsapCookie>(AsapDecoder.Decode(cookie));
    }
}
