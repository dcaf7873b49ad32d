using System.Collections.Immutable;
using System.Net;
using System.Text;
using RSerPool.Actors.Api;
using Akka.Actor;
using Akka.TestKit;
using RSerPool.TestKit;
using RSerPool.Actors.PoolUser;
using RSerPool.Actors.Session;
using RSerPool.Wire;
using RSerPool.Wire.Messages.Asap;
using RSerPool.Wire.Parameters;
using RSerPool.Wire.Session;
using Xunit;

namespace RSerPool.Actors.Tests.Session;

/// <summary>
/// The PU session actor on the manual dispatcher and clock (services draft §3.3, §4.3-§4.6): selection through the
/// resolver, failover on a lost connection, heartbeat and ack timeouts, cookie echo, in-order resend of unacknowledged
/// messages, sends bound to one PE, forced failover. Connections are fakes that report to the events probe, so the
/// order of callbacks and frames is observable.
/// </summary>
public sealed class PoolUserSessionSpec : VirtualTimeTestKit
{
    private static readonly PoolHandle Pool = PoolHandle.FromString("echo");
    private static readonly PoolElement PeA = Element(1, 9001);
    private static readonly PoolElement PeB = Element(2, 9002);
    private static readonly PoolElement PeC = Element(3, 9003);
    private static readonly PoolSessionOptions Quiet = PoolSessionOptions.Default with { HeartbeatInterval = null };

    private readonly TestProbe _resolver;
    private readonly TestProbe _events;

    public PoolUserSessionSpec()
    {
        _resolver = CreateTestProbe("resolver");
        _events = CreateTestProbe("events");
    }

    [Fact]
    public void Pe_crash_mid_session_fails_over_once_echoes_the_cookie_and_resends_unacked_messages_in_order()
    {
        var session = StartSession(Quiet);
        var a = SelectAndConnect(PeA, []);
        _events.ExpectMsg<SinkConnected>(c => c.Identifier == 1);
        _events.ExpectMsg<PoolSessionNotification>(n => n.Kind == PoolSessionNotificationKind.Connected);

        Deliver(a, new ShimAsapFrame(new AsapCookie(Bytes("c1"))));
        Deliver(a, new ShimAsapFrame(new AsapCookie(Bytes("c2"))));
        _events.ExpectMsg<PoolSessionNotification>(n => n.Kind == PoolSessionNotificationKind.CookieReceived);
        _events.ExpectMsg<PoolSessionNotification>(n => n.Kind == PoolSessionNotificationKind.CookieReceived);

        var m1 = Send(session, "m1", ack: true);
        var m2 = Send(session, "m2", ack: true);
        var m3 = Send(session, "m3", ack: false);
        ExpectData(a, 1, true, "m1");
        ExpectData(a, 2, true, "m2");
        ExpectData(a, 3, false, "m3");
        Assert.True(m3.Task.IsCompletedSuccessfully);
        Assert.False(m1.Task.IsCompleted);

        Deliver(a, new ShimAckFrame(1));
        Deliver(a, new ShimDataFrame(1, false, Bytes("r1")));
        _events.ExpectMsg<PoolSessionMessage>(m => Encoding.ASCII.GetString(m.Payload.Span) == "r1" && m.PoolElementIdentifier == 1);
        Assert.True(m1.Task.IsCompletedSuccessfully);
        Assert.False(m2.Task.IsCompleted);
        var m4 = Send(session, "m4", ack: true);
        ExpectData(a, 4, true, "m4");

        Sys.Stop(a);                                                      // the PE's connection breaks
        _resolver.ExpectMsg(new ReportPoolElementUnreachable(Pool, 1));
        _events.ExpectMsg<PoolSessionNotification>(n => n.Kind == PoolSessionNotificationKind.PoolElementFailed && n.PoolElementIdentifier == 1);
        var m5 = Send(session, "m5", ack: true);                          // queued while failing over
        var m6 = Send(session, "m6", ack: false);
        Assert.False(m6.Task.IsCompleted);

        var b = SelectAndConnect(PeB, [1]);
        var failover = _events.ExpectMsg<PoolSessionFailover>();
        Assert.Equal(1u, failover.OldIdentifier);
        Assert.Equal(2u, failover.NewIdentifier);
        _events.ExpectMsg<PoolSessionNotification>(n => n.Kind == PoolSessionNotificationKind.FailedOver && n.PoolElementIdentifier == 2);
        var echo = _events.ExpectMsg<FakeSent>(s => s.Connection.Equals(b));
        Assert.Equal(new ShimAsapFrame(new AsapCookieEcho(Bytes("c2"))), echo.Frame);
        ExpectData(b, 1, true, "m2");
        ExpectData(b, 2, true, "m4");
        ExpectData(b, 3, true, "m5");
        ExpectData(b, 4, false, "m6");
        _events.ExpectNoMsg();
        Assert.True(m6.Task.IsCompletedSuccessfully);

        Deliver(b, new ShimAckFrame(3));                                  // cumulative
        Assert.True(m2.Task.IsCompletedSuccessfully && m4.Task.IsCompletedSuccessfully && m5.Task.IsCompletedSuccessfully);
        _resolver.ExpectNoMsg();
    }

    [Fact]
    public void Hung_pe_that_stops_answering_heartbeats_is_reported_and_left()
    {
        var options = PoolSessionOptions.Default with { HeartbeatInterval = TimeSpan.FromSeconds(1), HeartbeatTimeout = TimeSpan.FromSeconds(3) };
        StartSession(options);
        var a = SelectAndConnect(PeA, []);
        DrainConnectEvents();

        Advance(TimeSpan.FromSeconds(1));
        var first = Assert.IsType<ShimHeartbeatFrame>(_events.ExpectMsg<FakeSent>().Frame);
        Deliver(a, new ShimHeartbeatAckFrame(first.Nonce));               // a live PE answers: no failover
        Advance(TimeSpan.FromSeconds(1));
        var second = Assert.IsType<ShimHeartbeatFrame>(_events.ExpectMsg<FakeSent>().Frame);
        Assert.NotEqual(first.Nonce, second.Nonce);

        Advance(TimeSpan.FromMilliseconds(2999));               // then it hangs
        _resolver.ExpectNoMsg();
        Advance(TimeSpan.FromMilliseconds(1));
        ExpectReported(1, "no heartbeat answer");
        var b = SelectAndConnect(PeB, [1]);
        Assert.Equal(2u, _events.FishForMessage<PoolSessionFailover>(_ => true).NewIdentifier);
        Assert.NotNull(b);
    }

    [Fact]
    public void Application_timeout_on_an_unacknowledged_message_fails_over_and_resends_it()
    {
        var options = Quiet with { AckTimeout = TimeSpan.FromSeconds(5) };
        var session = StartSession(options);
        var a = SelectAndConnect(PeA, []);
        DrainConnectEvents();

        var m1 = Send(session, "m1", ack: true);
        ExpectData(a, 1, true, "m1");
        Advance(TimeSpan.FromMilliseconds(4999));
        _resolver.ExpectNoMsg();
        Advance(TimeSpan.FromMilliseconds(1));
        ExpectReported(1, "not acknowledged");

        var b = SelectAndConnect(PeB, [1]);
        _events.FishForMessage<PoolSessionFailover>(f => f.OldIdentifier == 1 && f.NewIdentifier == 2);
        _events.ExpectMsg<PoolSessionNotification>(n => n.Kind == PoolSessionNotificationKind.FailedOver);
        ExpectData(b, 1, true, "m1");
        Deliver(b, new ShimAckFrame(1));
        Assert.True(m1.Task.IsCompletedSuccessfully);
        Advance(TimeSpan.FromSeconds(10));                      // acked: no further timeout
        _resolver.ExpectNoMsg();
    }

    [Fact]
    public void Send_bound_to_the_pe_fails_instead_of_moving()
    {
        var session = StartSession(Quiet);
        var a = SelectAndConnect(PeA, []);
        DrainConnectEvents();

        var bound = Send(session, "bound", ack: true, failoverAllowed: false);
        var free = Send(session, "free", ack: true);
        ExpectData(a, 1, true, "bound");
        ExpectData(a, 2, true, "free");

        Sys.Stop(a);
        ExpectReported(1, "connection lost");
        var error = Assert.IsType<PoolSessionException>(bound.Task.Exception!.InnerException);
        Assert.Contains("PE 1", error.Message);
        var duringFailover = Send(session, "late", ack: false, failoverAllowed: false);
        Assert.IsType<PoolSessionException>(duringFailover.Task.Exception!.InnerException);

        var b = SelectAndConnect(PeB, [1]);
        _events.FishForMessage<PoolSessionNotification>(n => n.Kind == PoolSessionNotificationKind.FailedOver);
        ExpectData(b, 1, true, "free");                                   // only the message allowed to move
        _events.ExpectNoMsg();
        Assert.False(free.Task.IsCompleted);
    }

    [Fact]
    public void Forced_failover_closes_the_connection_without_reporting_and_completes_on_the_new_pe()
    {
        var session = StartSession(Quiet);
        var a = SelectAndConnect(PeA, []);
        DrainConnectEvents();

        var forced = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        session.Tell(new PoolSessionForceFailover(forced));
        // The sink hears of the failed PE and the connection closes gracefully (not stopped): two actors, so in either
        // order (on the calling-thread dispatcher the connection handles ShimClose before the sink is told).
        var leaving = _events.ReceiveN(2);
        Assert.Single(leaving.OfType<PoolSessionNotification>(), n => n.Kind == PoolSessionNotificationKind.PoolElementFailed && n.PoolElementIdentifier == 1);
        Assert.Single(leaving.OfType<FakeClosedGracefully>(), c => c.Connection.Equals(a));
        var select = _resolver.ExpectMsg<SelectPoolElement>();            // no unreachable report before it
        Assert.Equal([1u], select.Excluding.ToArray());
        Assert.False(forced.Task.IsCompleted);

        _resolver.Reply(new PoolElementSelected(Pool, PeB));
        var b = _events.ExpectMsg<FakeConnectionOpened>();
        b.Connection.Tell(new FakeDeliver(new ShimConnected(b.Connection, null, null)));
        var failover = _events.ExpectMsg<PoolSessionFailover>();
        Assert.Equal((1u, 2u), (failover.OldIdentifier, failover.NewIdentifier));
        Assert.True(forced.Task.IsCompletedSuccessfully);
        _resolver.ExpectNoMsg();
    }

    [Fact]
    public void Unreachable_candidate_is_reported_and_the_next_selection_excludes_it()
    {
        StartSession(Quiet with { ConnectTimeout = TimeSpan.FromSeconds(2) });
        _resolver.ExpectMsg<SelectPoolElement>(s => s.Excluding.IsEmpty);
        _resolver.Reply(new PoolElementSelected(Pool, PeA));
        _events.ExpectMsg<FakeConnectionOpened>();
        Advance(TimeSpan.FromSeconds(2));                       // connect never completes
        _resolver.ExpectMsg(new ReportPoolElementUnreachable(Pool, 1));
        _events.ExpectMsg<PoolSessionNotification>(n => n.Kind == PoolSessionNotificationKind.PoolElementFailed);

        SelectAndConnect(PeC, [1]);
        _events.ExpectMsg<SinkConnected>(c => c.Identifier == 3);         // still the first connection: no failover
    }

    [Fact]
    public void Unknown_pool_fails_the_session_before_it_connects()
    {
        var session = StartSession(Quiet);
        Watch(session);
        _resolver.ExpectMsg<SelectPoolElement>();
        _resolver.Reply(new PoolElementSelectionFailed(Pool, "unknown pool handle", UnknownPoolHandle: true));
        _events.ExpectMsg<PoolSessionNotification>(n => n.Kind == PoolSessionNotificationKind.Closed);
        Assert.IsType<PoolSessionException>(_events.ExpectMsg<SinkClosed>().Error);
        ExpectTerminated(session);
    }

    [Fact]
    public void Queued_sends_beyond_the_limit_fail_and_the_others_go_out_after_reconnecting()
    {
        var session = StartSession(Quiet with { MaxQueuedSends = 2 });
        var a = SelectAndConnect(PeA, []);
        DrainConnectEvents();
        Sys.Stop(a);
        ExpectReported(1, "connection lost");
        var kept1 = Send(session, "q1", ack: false);
        var kept2 = Send(session, "q2", ack: false);
        var refused = Send(session, "q3", ack: false);
        Assert.IsType<PoolSessionException>(refused.Task.Exception!.InnerException);

        var b = SelectAndConnect(PeB, [1]);
        _events.FishForMessage<PoolSessionNotification>(n => n.Kind == PoolSessionNotificationKind.FailedOver);
        ExpectData(b, 1, false, "q1");
        ExpectData(b, 2, false, "q2");
        Assert.True(kept1.Task.IsCompletedSuccessfully && kept2.Task.IsCompletedSuccessfully);
    }

    [Fact]
    public void Answers_pe_heartbeats_and_acks_pe_data_that_asks_for_it()
    {
        StartSession(Quiet);
        var a = SelectAndConnect(PeA, []);
        DrainConnectEvents();
        Deliver(a, new ShimHeartbeatFrame(77));
        Assert.Equal(new ShimHeartbeatAckFrame(77), _events.ExpectMsg<FakeSent>().Frame);
        Deliver(a, new ShimDataFrame(5, true, Bytes("x")));
        _events.ExpectMsg<PoolSessionMessage>();
        Assert.Equal(new ShimAckFrame(5), _events.ExpectMsg<FakeSent>().Frame);
    }

    [Fact]
    public void Full_receive_buffer_fails_the_session_instead_of_dropping_messages()
    {
        var session = StartSession(Quiet, receiveCapacity: 1);
        Watch(session);
        var a = SelectAndConnect(PeA, []);
        DrainConnectEvents();
        var pending = Send(session, "m1", ack: true);
        ExpectData(a, 1, true, "m1");

        Deliver(a, new ShimDataFrame(1, false, Bytes("r1")));
        Deliver(a, new ShimDataFrame(2, false, Bytes("r2")));             // the application did not read r1

        _events.ExpectMsg<PoolSessionMessage>();
        _events.ExpectMsg<PoolSessionNotification>(n => n.Kind == PoolSessionNotificationKind.Closed && n.Reason!.Contains("receive buffer", StringComparison.Ordinal));
        Assert.IsType<PoolSessionException>(_events.ExpectMsg<SinkClosed>().Error);
        Assert.IsType<PoolSessionException>(pending.Task.Exception!.InnerException);
        ExpectTerminated(session);
    }

    private IActorRef StartSession(PoolSessionOptions options, int receiveCapacity = int.MaxValue)
    {
        var events = _events.Ref;
        return ActorOf(
            PoolUserSessionActor.Props(_resolver.Ref, Pool, options, new ProbeSessionSink(events, receiveCapacity),
                (endpoint, handler) => FakeConnectionActor.Factory(events, endpoint, handler)),
            "pu-session-1");
    }

    private IActorRef SelectAndConnect(PoolElement element, uint[] excluding)
    {
        var select = _resolver.ExpectMsg<SelectPoolElement>();
        Assert.Equal(Pool, select.Handle);
        Assert.Equal(excluding, select.Excluding.ToArray());
        _resolver.Reply(new PoolElementSelected(Pool, element));
        var opened = _events.ExpectMsg<FakeConnectionOpened>();
        Assert.Equal(PoolUserSessionActor.EndpointOf(element), opened.Endpoint);
        opened.Connection.Tell(new FakeDeliver(new ShimConnected(opened.Connection, null, null)));
        return opened.Connection;
    }

    private void ExpectReported(uint identifier, string reason)
    {
        _resolver.ExpectMsg(new ReportPoolElementUnreachable(Pool, identifier));
        _events.ExpectMsg<PoolSessionNotification>(n => n.Kind == PoolSessionNotificationKind.PoolElementFailed
            && n.PoolElementIdentifier == identifier && n.Reason!.Contains(reason, StringComparison.Ordinal));
    }

    private void DrainConnectEvents()
    {
        _events.ExpectMsg<SinkConnected>();
        _events.ExpectMsg<PoolSessionNotification>(n => n.Kind == PoolSessionNotificationKind.Connected);
    }

    private static void Deliver(IActorRef connection, ShimFrame frame) => connection.Tell(new FakeDeliver(new ShimReceived(frame)));

    private static TaskCompletionSource Send(IActorRef session, string text, bool ack, bool failoverAllowed = true)
    {
        var completion = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        session.Tell(new PoolSessionSend(Encoding.ASCII.GetBytes(text), ack, failoverAllowed, completion));
        return completion;
    }

    private void ExpectData(IActorRef connection, uint sequence, bool ack, string text)
    {
        var sent = _events.ExpectMsg<FakeSent>(s => s.Connection.Equals(connection), hint: $" (data {text})");
        Assert.Equal(new ShimDataFrame(sequence, ack, Bytes(text)), sent.Frame);
    }

    private static ValueArray<byte> Bytes(string text) => ValueArray.Create<byte>(Encoding.ASCII.GetBytes(text));

    private static PoolElement Element(uint id, ushort port) =>
        new(id, 0, 30000, new TcpTransport(port, TransportUse.DataPlusControl, [IPAddress.Loopback]), PoolMemberSelectionPolicy.RoundRobin());
}
