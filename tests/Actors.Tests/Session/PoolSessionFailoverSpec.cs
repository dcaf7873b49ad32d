using System.Net;
using System.Text;
using RSerPool.Actors.Api;
using Akka.Actor;
using Akka.TestKit;
using RSerPool.TestKit;
using RSerPool.Actors.PoolUser;
using RSerPool.Wire.Parameters;
using Xunit;
using RSerPool.Actors.Session;

namespace RSerPool.Actors.Tests.Session;

/// <summary>
/// PoolSession against two real PoolElementServers on loopback (services draft §3.3, §4.3-§4.6): a crashing PE, a hung
/// PE and a forced failover. The resolver is a probe whose pilot picks the first PE not excluded.
/// </summary>
public sealed class PoolSessionFailoverSpec : RealTimeTestKit, IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);
    private static readonly PoolHandle Pool = PoolHandle.FromString("echo");
    private readonly TestProbe _resolver;
    private readonly TestProbe _serviceEvents;
    private readonly TestProbe _sessionEvents;
    private readonly TestProbe _reports;
    private readonly List<IAsyncDisposable> _disposables = new();
    private readonly List<RecordingEchoService> _services = new();
    private readonly List<PoolElement> _elements = new();

    public PoolSessionFailoverSpec()
        : base()
    {
        _resolver = CreateTestProbe("resolver");
        _serviceEvents = CreateTestProbe("service-events");
        _sessionEvents = CreateTestProbe("session-events");
        _reports = CreateTestProbe("reports");
        var reports = _reports.Ref;
        _resolver.SetAutoPilot(new DelegateAutoPilot((sender, message) =>
        {
            if (message is SelectPoolElement select)
            {
                var next = _elements.FirstOrDefault(e => !select.Excluding.Contains(e.Identifier));
                sender.Tell(next is null
                    ? new PoolElementSelectionFailed(select.Handle, "every PE excluded", false)
                    : new PoolElementSelected(select.Handle, next));
            }
            else if (message is ReportPoolElementUnreachable report)
            {
                reports.Tell(report);
            }

            return AutoPilot.KeepRunning;
        }));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var service in _services)
        {
            service.Release();
        }

        foreach (var disposable in _disposables)
        {
            await disposable.DisposeAsync();
        }
    }

    [Fact]
    public async Task Pe_crash_mid_session_fails_over_once_with_cookie_echo_and_in_order_resend()
    {
        var serverA = await StartPe(1, new RecordingEchoService("A", _serviceEvents.Ref) { FailFrom = 4 });
        await StartPe(2, new RecordingEchoService("B", _serviceEvents.Ref));
        var session = await Connect(PoolSessionOptions.Default);
        Assert.Equal(1u, session.CurrentPoolElement.Identifier);

        var sends = Enumerable.Range(1, 6)
            .Select(i => session.SendAsync(Encoding.ASCII.GetBytes($"m{i}"), new SendOptions { AckRequested = true }))
            .ToArray();
        await Task.WhenAll(sends).WaitAsync(Timeout);                     // every message acknowledged by some PE

        var replies = await ReadReplies(session, 6);
        Assert.Equal(["A:m1", "A:m2", "A:m3", "B:m4", "B:m5", "B:m6"], replies);
        var failover = await _sessionEvents.ExpectMsgAsync<PoolSessionFailover>(Timeout);
        Assert.Equal((1u, 2u), (failover.OldIdentifier, failover.NewIdentifier));
        Assert.Equal(2u, session.CurrentPoolElement.Identifier);
        await _reports.ExpectMsgAsync<ReportPoolElementUnreachable>(r => r.Identifier == 1, Timeout);

        // B saw the latest cookie of A first, then the unacknowledged messages in their order.
        var bEvents = await ServiceEventsOf("B", 5);
        Assert.Equal(["opened:", "cookie-echo:A:3", "message:m4", "message:m5", "message:m6"], bEvents);
        await serverA.DisposeAsync();
        await _sessionEvents.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(300));   // exactly one failover
    }

    [Fact]
    public async Task Pe_process_gone_fails_over_and_queued_sends_reach_the_next_pe()
    {
        var serverA = await StartPe(1, new RecordingEchoService("A", _serviceEvents.Ref));
        await StartPe(2, new RecordingEchoService("B", _serviceEvents.Ref));
        var session = await Connect(PoolSessionOptions.Default);
        await session.SendAsync("m1"u8.ToArray(), new SendOptions { AckRequested = true }).WaitAsync(Timeout);

        await serverA.DisposeAsync();                                     // the PE's sockets close
        await session.SendAsync("m2"u8.ToArray(), new SendOptions { AckRequested = true }).WaitAsync(Timeout);

        Assert.Equal(["A:m1", "B:m2"], await ReadReplies(session, 2));
        var failover = await _sessionEvents.ExpectMsgAsync<PoolSessionFailover>(Timeout);
        Assert.Equal(2u, failover.NewIdentifier);
    }

    [Fact]
    public async Task Hung_pe_is_left_after_the_heartbeat_timeout()
    {
        await StartPe(1, new RecordingEchoService("A", _serviceEvents.Ref) { HangAt = 2 });
        await StartPe(2, new RecordingEchoService("B", _serviceEvents.Ref));
        var options = PoolSessionOptions.Default with { HeartbeatInterval = TimeSpan.FromMilliseconds(100), HeartbeatTimeout = TimeSpan.FromMilliseconds(500) };
        var session = await Connect(options);

        var sends = Enumerable.Range(1, 3)
            .Select(i => session.SendAsync(Encoding.ASCII.GetBytes($"m{i}"), new SendOptions { AckRequested = true }))
            .ToArray();
        await Task.WhenAll(sends).WaitAsync(Timeout);

        Assert.Equal(["A:m1", "B:m2", "B:m3"], await ReadReplies(session, 3));
        var failover = await _sessionEvents.ExpectMsgAsync<PoolSessionFailover>(Timeout);
        Assert.Contains("heartbeat", failover.Reason, StringComparison.Ordinal);
        await _reports.ExpectMsgAsync<ReportPoolElementUnreachable>(r => r.Identifier == 1, Timeout);
    }

    [Fact]
    public async Task Forced_failover_moves_to_another_pe_without_reporting_the_first()
    {
        await StartPe(1, new RecordingEchoService("A", _serviceEvents.Ref));
        await StartPe(2, new RecordingEchoService("B", _serviceEvents.Ref));
        var session = await Connect(PoolSessionOptions.Default);

        await session.ForceFailoverAsync().WaitAsync(Timeout);

        Assert.Equal(2u, session.CurrentPoolElement.Identifier);
        await session.SendAsync("x"u8.ToArray(), new SendOptions { AckRequested = true }).WaitAsync(Timeout);
        Assert.Equal(["B:x"], await ReadReplies(session, 1));
        await _reports.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public async Task Send_bound_to_a_failed_pe_fails()
    {
        var serverA = await StartPe(1, new RecordingEchoService("A", _serviceEvents.Ref) { HangAt = 1 });
        await StartPe(2, new RecordingEchoService("B", _serviceEvents.Ref));
        var options = PoolSessionOptions.Default with { HeartbeatInterval = TimeSpan.FromMilliseconds(100), HeartbeatTimeout = TimeSpan.FromMilliseconds(400) };
        var session = await Connect(options);

        var bound = session.SendAsync("bound"u8.ToArray(), new SendOptions { AckRequested = true, FailoverAllowed = false });
        await Assert.ThrowsAsync<PoolSessionException>(() => bound.WaitAsync(Timeout));
        await _sessionEvents.ExpectMsgAsync<PoolSessionFailover>(Timeout);
        await session.SendAsync("free"u8.ToArray(), new SendOptions { AckRequested = true }).WaitAsync(Timeout);
        Assert.Equal(["B:free"], await ReadReplies(session, 1));
        _ = serverA;
    }

    [Fact]
    public async Task Session_fails_for_good_when_no_pe_is_left()
    {
        var serverA = await StartPe(1, new RecordingEchoService("A", _serviceEvents.Ref));
        var options = PoolSessionOptions.Default with { MaxSelectionAttempts = 3, ReselectDelay = TimeSpan.FromMilliseconds(10) };
        var session = await Connect(options);
        var receive = session.ReceiveAsync().AsTask();

        await serverA.DisposeAsync();

        await Assert.ThrowsAsync<PoolSessionException>(() => receive.WaitAsync(Timeout));
        await Assert.ThrowsAsync<PoolSessionException>(() => session.SendAsync("late"u8.ToArray()).WaitAsync(Timeout));
        await _reports.ExpectMsgAsync<ReportPoolElementUnreachable>(r => r.Identifier == 1, Timeout);
    }

    private async Task<PoolElementServer> StartPe(uint identifier, RecordingEchoService service)
    {
        var server = await PoolElementServer.StartAsync(Sys, new IPEndPoint(IPAddress.Loopback, 0), service);
        _disposables.Add(server);
        _services.Add(service);
        _elements.Add(new PoolElement(identifier, 0, 30000, server.ToUserTransport(), PoolMemberSelectionPolicy.RoundRobin()));
        return server;
    }

    private async Task<PoolSession> Connect(PoolSessionOptions options)
    {
        var events = _sessionEvents.Ref;
        var session = await PoolSession.ConnectAsync(Sys, _resolver.Ref, Pool, options with { OnFailover = f => events.Tell(f) })
            .WaitAsync(Timeout);
        _disposables.Insert(0, session);
        return session;
    }

    private static async Task<List<string>> ReadReplies(PoolSession session, int count)
    {
        var replies = new List<string>();
        using var cancel = new CancellationTokenSource(Timeout);
        while (replies.Count < count)
        {
            var message = await session.ReceiveAsync(cancel.Token);
            replies.Add(Encoding.ASCII.GetString(message.Payload.Span));
        }

        return replies;
    }

    private async Task<List<string>> ServiceEventsOf(string service, int count)
    {
        var events = new List<string>();
        for (int i = 0; i < 100 && events.Count < count; i++)
        {
            var e = await _serviceEvents.ExpectMsgAsync<ServiceEvent>(Timeout);
            if (e.Service == service)
            {
                events.Add($"{e.Call}:{e.Text}");
            }
        }

        return events;
    }
}
