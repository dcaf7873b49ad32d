using System.Globalization;
using Akka.Event;
using Akka.TestKit;
using RSerPool.TestKit;
using RSerPool.Actors.Tests.Registrar.Support;
using RSerPool.Actors.Transport;
using RSerPool.Wire.Messages.Asap;
using RSerPool.Actors.Registrar;
using Xunit;
using RSerPool.Actors.Handlespace;

namespace RSerPool.Actors.Tests.Registrar;

/// <summary>PE supervision by the home registrar (RFC 5352 §3.4), registration life (RFC 5352 §3.1) and association loss (docs/protocol-notes.md §9), on the virtual clock.</summary>
public sealed class KeepAliveSpec : RegistrarSpecBase
{
    private const uint PeId = 0x1000_0001;

    public KeepAliveSpec() => Start();

    [Fact]
    public void The_keep_alive_is_sent_after_the_interval_in_the_rsplib_form()
    {
        var pe = Connect();
        RegisterAccepted(pe, Asap.Registration(PeId));

        Advance(Interval - Tick);
        pe.ExpectNoMsg();
        Advance(Tick);

        var keepAlive = ExpectSent<AsapEndpointKeepAlive>(pe);
        Assert.Equal(ServerId, keepAlive.ServerIdentifier);
        Assert.Equal(Asap.EchoPool, keepAlive.PoolHandle);
        Assert.Equal(PeId, keepAlive.PoolElementIdentifier);
        Assert.False(keepAlive.HomeFlag);
    }

    [Fact]
    public void A_pe_that_stops_acking_is_removed_exactly_at_interval_plus_timeout_and_not_before()
    {
        var pe = Connect();
        var user = Connect();
        RegisterAccepted(pe, Asap.Registration(PeId));

        Advance(Interval);
        ExpectSent<AsapEndpointKeepAlive>(pe);
        Advance(Timeout - Tick);
        pe.ExpectNoMsg();
        Assert.Equal([PeId], ResolvedIds(user));

        Advance(Tick);
        var close = pe.ExpectMsg<CloseAssociation>();   // docs/protocol-notes.md §9: RSPLIB aborts the association
        Assert.Contains("Keep Alive Ack", close.Reason, StringComparison.Ordinal);
        Assert.Empty(ResolvedIds(user));
        Assert.Empty(Snapshot().Elements);
    }

    [Fact]
    public void Acks_keep_the_pe_registered_cycle_after_cycle()
    {
        var pe = Connect();
        var user = Connect();
        RegisterAccepted(pe, Asap.Registration(PeId));

        Advance(Interval);
        for (int cycle = 0; cycle < 5; cycle++)
        {
            ExpectSent<AsapEndpointKeepAlive>(pe);
            Advance(Timeout - Tick);
            Send(pe, new AsapEndpointKeepAliveAck(Asap.EchoPool, PeId));
            Advance(Tick);   // the timeout instant passes without removal
            Assert.Equal([PeId], ResolvedIds(user));
            // The next Keep Alive comes one interval after the Ack.
            Advance(Interval - (2 * Tick));
            pe.ExpectNoMsg();
            Advance(Tick);
        }

        Assert.Equal([PeId], ResolvedIds(user));
    }

    [Fact]
    public void An_ack_from_another_association_does_not_keep_the_pe()
    {
        var pe = Connect();
        var impostor = Connect();
        RegisterAccepted(pe, Asap.Registration(PeId));

        Advance(Interval);
        ExpectSent<AsapEndpointKeepAlive>(pe);
        Send(impostor, new AsapEndpointKeepAliveAck(Asap.EchoPool, PeId));
        Advance(Timeout);

        pe.ExpectMsg<CloseAssociation>();
        Assert.Empty(ResolvedIds(impostor));
    }

    [Fact]
    public void A_re_registration_restarts_the_keep_alive_cycle()
    {
        var pe = Connect();
        RegisterAccepted(pe, Asap.Registration(PeId));

        Advance(Interval);
        ExpectSent<AsapEndpointKeepAlive>(pe);
        Advance(Timeout - Tick);
        RegisterAccepted(pe, Asap.Registration(PeId));   // instead of an Ack

        Advance(Interval - Tick);
        pe.ExpectNoMsg();
        Advance(Tick);
        ExpectSent<AsapEndpointKeepAlive>(pe);
        Assert.Single(Snapshot().Elements);
    }

    [Fact]
    public void The_pe_is_removed_when_its_registration_life_passes_without_re_registration()
    {
        const int lifeMs = 2_000;
        var pe = Connect();
        var user = Connect();
        RegisterAccepted(pe, Asap.Registration(PeId, lifeMs: lifeMs));
        AnswerKeepAlives(pe, PeId, TimeSpan.FromMilliseconds(1_500));   // t = 1.5 s
        RegisterAccepted(pe, Asap.Registration(PeId, lifeMs: lifeMs));  // life restarts: ends at 3.5 s

        AnswerKeepAlives(pe, PeId, TimeSpan.FromMilliseconds(lifeMs) - Tick);
        Assert.Equal([PeId], ResolvedIds(user));

        Advance(Tick);
        Assert.Empty(ResolvedIds(user));
    }

    [Fact]
    public void Association_loss_removes_all_its_pes_at_once_and_only_them()
    {
        var pe = Connect();
        var other = Connect();
        var user = Connect();
        RegisterAccepted(pe, Asap.Registration(1));
        RegisterAccepted(pe, Asap.Registration(2));
        RegisterAccepted(pe, Asap.Registration(3, handle: Asap.OtherPool));
        RegisterAccepted(other, Asap.Registration(4));

        Sys.Stop(pe.Ref);

        var remaining = Snapshot().Elements;
        Assert.Equal([4u], remaining.Select(e => e.Identifier));
        Assert.Equal([4u], ResolvedIds(user, items: 10));
        Assert.Empty(ResolvedIds(user, Asap.OtherPool));
    }

    [Fact]
    public void A_pe_whose_first_association_ended_re_registers_over_a_new_one_and_is_supervised_there()
    {
        var first = Connect();
        var second = Connect();
        RegisterAccepted(first, Asap.Registration(PeId));
        Sys.Stop(first.Ref);
        Assert.Empty(Snapshot().Elements);

        RegisterAccepted(second, Asap.Registration(PeId));   // the owning association is gone: the identifier is free
        Assert.Equal([PeId], Snapshot().Elements.Select(e => e.Identifier));

        Sys.Stop(second.Ref);
        Assert.Empty(Snapshot().Elements);
    }

    [Fact]
    public void A_re_registration_racing_with_the_loss_of_its_association_still_removes_the_pe_at_once()
    {
        var pe = Connect();
        RegisterAccepted(pe, Asap.Registration(PeId));

        // The association ends while the pool is handling a re-registration over it: its response reaches the
        // association before the PE actor hears of the renewal, so the PE actor sees the end first and asks for a
        // removal with the old generation, which the pool, now at the new one, ignores. (Actors run on the calling
        // thread: the stop inside the pool's handling is how the two cross, as they can between threads.)
        pe.SetAutoPilot(new DelegateAutoPilot((_, message) =>
        {
            if (message is AssociationSend<AsapMessage> { Message: AsapRegistrationResponse })
            {
                Sys.Stop(pe.Ref);
                return AutoPilot.NoAutoPilot;
            }

            return AutoPilot.KeepRunning;
        }));
        Send(pe, Asap.Registration(PeId));

        Assert.Empty(Snapshot().Elements);
    }

    [Fact]
    public void The_removal_is_logged_with_pool_handle_pe_id_peer_and_reason()
    {
        var pe = Connect();
        RegisterAccepted(pe, Asap.Registration(PeId));

        // Exactly one Info event for the removal, with the line users read and its named properties.
        EventFilter.Custom<Info>(e => e.Message is LogMessage message
                && message.ToString() == "PE 0x10000001 removed from EchoPool (registered from 10.1.0.1:40001): KeepAliveTimeout"
                && Property(message, "Reason") == nameof(RemovalReason.KeepAliveTimeout)
                && Property(message, "PoolHandle") == Asap.EchoPool.ToString()
                && Property(message, "PeId") == PeId.ToString(CultureInfo.InvariantCulture)
                && Property(message, "Peer") == "10.1.0.1:40001")
            .ExpectOne(() => Advance(Interval + Timeout));
    }

    private static string? Property(LogMessage message, string name) =>
        message.GetProperties().TryGetValue(name, out object? value)
            ? value is IFormattable formattable ? formattable.ToString(null, CultureInfo.InvariantCulture) : value?.ToString()
            : null;

    /// <summary>Advances by <paramref name="duration"/>, acking every Keep Alive that arrives meanwhile.</summary>
    private void AnswerKeepAlives(TestProbe pe, uint id, TimeSpan duration)
    {
        // Virtual time: the scheduler's clock, not TestKitBase.Now (the wall clock). Actors run on the calling thread, so
        // what a step sends is queued when Advance returns: take it without waiting, and it must be Keep Alives only.
        var end = Scheduler.Now + duration;
        while (Scheduler.Now < end)
        {
            var step = Interval < end - Scheduler.Now ? Interval : end - Scheduler.Now;
            Advance(step);
            while (pe.HasMessages)
            {
                Assert.IsType<AsapEndpointKeepAlive>(pe.ExpectMsg<AssociationSend<AsapMessage>>().Message);
                Send(pe, new AsapEndpointKeepAliveAck(Asap.EchoPool, id));
            }
        }
    }
}
