using Akka.Actor;
using Akka.Event;
using RSerPool.Actors.PoolElements;
using RSerPool.Actors.Transport;
using RSerPool.Wire.Errors;
using RSerPool.Wire.Messages.Asap;
using RSerPool.Wire.Parameters;
using Xunit;
using RSerPool.Actors.RegistrarClient;

namespace RSerPool.Actors.Tests.PoolElements;

/// <summary>PE registration life cycle on the manual clock (RFC 5352 §3.1-§3.2 and §3.4).</summary>
public sealed class PoolElementRegistrationSpec : PoolElementSpecBase
{
    [Fact]
    public void Registers_with_the_first_registrar_and_acks_keep_alives_on_their_association()
    {
        StartClient();
        var association = Open(RegistrarA, "a");
        StartPe();

        var registration = AcceptRegistration(association);
        Assert.Equal(Pool, registration.PoolHandle);
        Assert.Equal(UserTransport, registration.PoolElement.UserTransport);
        Assert.Equal(90_000, registration.PoolElement.RegistrationLifeMs);
        Assert.Null(registration.PoolElement.AsapTransport);

        Deliver(association, new AsapEndpointKeepAlive(ServerA, Pool, PeId));
        var ack = ExpectSent<AsapEndpointKeepAliveAck>(association);
        Assert.Equal(new AsapEndpointKeepAliveAck(Pool, PeId), ack);

        // RFC form without a PE Identifier: every own PE of the handle acks; another PE's keep alive is not ours.
        Deliver(association, new AsapEndpointKeepAlive(ServerA, Pool));
        Assert.Equal(PeId, ExpectSent<AsapEndpointKeepAliveAck>(association).PoolElementIdentifier);
        Deliver(association, new AsapEndpointKeepAlive(ServerA, Pool, PeId + 1));
        association.ExpectNoMsg();
    }

    [Fact]
    public void Reregisters_every_interval_well_before_the_registration_life_ends()
    {
        StartClient();
        var association = Open(RegistrarA, "a");
        StartPe();
        AcceptRegistration(association);

        Advance(Reregistration - TimeSpan.FromMilliseconds(1));
        association.ExpectNoMsg();
        Advance(TimeSpan.FromMilliseconds(1));
        var again = ExpectSent<AsapRegistration>(association);
        Assert.Equal(PeId, again.PoolElement.Identifier);
        Assert.True(Reregistration.TotalMilliseconds < again.PoolElement.RegistrationLifeMs);
        Deliver(association, new AsapRegistrationResponse(Pool, PeId));

        Advance(Reregistration);
        ExpectSent<AsapRegistration>(association);
    }

    [Fact]
    public void A_load_update_reregisters_at_once_with_the_new_load()
    {
        StartClient();
        var association = Open(RegistrarA, "a");
        var pe = StartPe(PoolMemberSelectionPolicy.LeastUsed(0));
        AcceptRegistration(association);

        pe.Tell(new UpdatePoolElementLoad(0x4000_0000), ActorRefs.NoSender);
        Assert.Equal(0x4000_0000u, ExpectSent<AsapRegistration>(association).PoolElement.Policy.Load);
        Deliver(association, new AsapRegistrationResponse(Pool, PeId));

        pe.Tell(new UpdatePoolElementLoad(0x4000_0000), ActorRefs.NoSender);
        association.ExpectNoMsg();
    }

    [Fact]
    public void A_rejected_registration_is_reported_and_retried_with_backoff()
    {
        StartClient();
        var association = Open(RegistrarA, "a");
        StartPe();
        ExpectSent<AsapRegistration>(association);
        var refused = new OperationError(ErrorCause.WithoutInformation(ErrorCauseCode.LackOfResources));
        Deliver(association, new AsapRegistrationResponse(Pool, PeId, Rejected: true, refused));
        Assert.Equal("cause 0x0006 LackOfResources", ExpectStatus(PoolElementStatus.Rejected).Reason);

        Advance(TimeSpan.FromMilliseconds(249));
        association.ExpectNoMsg();
        Advance(TimeSpan.FromMilliseconds(1));
        ExpectSent<AsapRegistration>(association);
        Deliver(association, new AsapRegistrationResponse(Pool, PeId, Rejected: true, refused));
        ExpectStatus(PoolElementStatus.Rejected);

        Advance(TimeSpan.FromMilliseconds(499));
        association.ExpectNoMsg();
        Advance(TimeSpan.FromMilliseconds(1));
        ExpectSent<AsapRegistration>(association);
        Deliver(association, new AsapRegistrationResponse(Pool, PeId));
        ExpectStatus(PoolElementStatus.Registered);
    }

    [Fact]
    public void Registrar_gone_the_pe_reregisters_with_another()
    {
        StartClient();
        var a = Open(RegistrarA, "a");
        StartPe();
        AcceptRegistration(a);

        // Nothing more goes to the lost association: the stopped probe cannot receive, so look for dead letters.
        EventFilter.Custom<Warning>(w => w.Message is DeadLetter letter && letter.Recipient.Equals(a.Ref)).Expect(0, () =>
        {
            Sys.Stop(a.Ref);
            Assert.Equal(PoolElementStatus.Moving, ExpectStatus(PoolElementStatus.Moving).Status);
            var b = Open(RegistrarB, "b");
            AcceptRegistration(b);
        });
    }

    [Fact]
    public void A_registrar_that_closes_the_association_before_any_message_is_retried_after_the_hunt_delay_not_at_once()
    {
        // README "TLS": a registrar refusing the handshake closes every association at once; no tight reconnect loop.
        StartClient();
        var a = Open(RegistrarA, "a");
        StartPe();
        ExpectSent<AsapRegistration>(a);

        Sys.Stop(a.Ref);
        Connects.ExpectNoMsg();
        Advance(ClientSettings.HuntRetryDelay - TimeSpan.FromMilliseconds(1));
        Connects.ExpectNoMsg();
        Advance(TimeSpan.FromMilliseconds(1));
        var b = Open(RegistrarB, "b");
        AcceptRegistration(b);
    }

    [Fact]
    public void A_request_timeout_drops_the_registrar_and_the_registration_moves_to_the_next()
    {
        StartClient();
        var a = Open(RegistrarA, "a");
        StartPe();
        ExpectSent<AsapRegistration>(a);

        Advance(RequestTimeout);
        a.ExpectMsg<CloseAssociation>();
        var b = Open(RegistrarB, "b");
        AcceptRegistration(b);
    }

    [Fact]
    public void The_hunt_tries_every_known_registrar_then_waits_before_the_next_round()
    {
        StartClient();
        var first = Connects.ExpectMsg<ConnectRegistrar>();
        Client.Tell(new RegistrarConnectFailed(first.Attempt, "refused"), ActorRefs.NoSender);
        Assert.Equal(RegistrarB, Connects.ExpectMsg<ConnectRegistrar>().Registrar);   // B times out
        Advance(TimeSpan.FromSeconds(1));
        Connects.ExpectNoMsg();
        Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(RegistrarA, Connects.ExpectMsg<ConnectRegistrar>().Registrar);
    }

    [Fact]
    public void Follows_the_h_flag_to_the_registrar_that_became_home()
    {
        StartClient();
        var a = Open(RegistrarA, "a");
        StartPe();
        AcceptRegistration(a);
        Deliver(a, new AsapEndpointKeepAlive(ServerA, Pool, PeId));
        ExpectSent<AsapEndpointKeepAliveAck>(a);

        // Registrar B took the PE over and reaches it on a new association (RFC 5352 §3.4).
        var b = CreateTestProbe("b-inbound");
        Client.Tell(new AssociationEstablished(b.Ref, RegistrarB, null), b.Ref);
        Deliver(b, new AsapEndpointKeepAlive(ServerB, Pool, PeId, HomeFlag: true));
        ExpectSent<AsapEndpointKeepAliveAck>(b);
        Assert.Equal("home registrar changed (H flag)", Observer.FishForMessage<PoolElementStatusChanged>(s => s.HomeServerId == ServerB).Reason);
        a.ExpectMsg<CloseAssociation>();

        Advance(Reregistration);
        Assert.Equal(ServerB, ExpectSent<AsapRegistration>(b).PoolElement.HomeServerIdentifier);
        a.ExpectNoMsg();
    }

    [Fact]
    public void Deregisters_on_a_clean_stop_and_answers_when_confirmed()
    {
        StartClient();
        var a = Open(RegistrarA, "a");
        var pe = StartPe();
        AcceptRegistration(a);
        Watch(pe);

        pe.Tell(DeregisterPoolElement.Instance, TestActor);
        Assert.Equal(new AsapDeregistration(Pool, PeId), ExpectSent<AsapDeregistration>(a));
        Deliver(a, new AsapDeregistrationResponse(Pool, PeId));
        Assert.True(ExpectMsg<PoolElementDeregistered>().Confirmed);
        ExpectStatus(PoolElementStatus.Deregistered);
        ExpectTerminated(pe);
        a.ExpectNoMsg();
    }

    [Fact]
    public void A_pe_stopped_without_deregistering_still_sends_its_deregistration()
    {
        StartClient();
        var a = Open(RegistrarA, "a");
        var pe = StartPe();
        AcceptRegistration(a);

        Sys.Stop(pe);
        Assert.Equal(new AsapDeregistration(Pool, PeId), ExpectSent<AsapDeregistration>(a));
    }

    [Fact]
    public void Requests_wait_for_a_registrar_and_fail_after_the_request_timeout()
    {
        StartClient(ClientSettings with { StaticRegistrars = [] });
        Client.Tell(new RegistrarRequest(new AsapHandleResolution(Pool)), TestActor);
        Advance(RequestTimeout - TimeSpan.FromMilliseconds(1));
        ExpectNoMsg();
        Advance(TimeSpan.FromMilliseconds(1));
        Assert.False(ExpectMsg<RegistrarRequestFailed>().AssociationLost);
    }
    [Fact]
    public void Pes_of_one_process_share_the_registrar_association_and_get_their_own_keep_alives()
    {
        StartClient();
        var a = Open(RegistrarA, "a");
        StartPe();
        AcceptRegistration(a);
        ActorOf(PoolElementActor.Props(new PoolElementSettings(Pool, UserTransport) { Identifier = PeId + 1 }, Client), "other-pe");
        Assert.Equal(PeId + 1, ExpectSent<AsapRegistration>(a).PoolElement.Identifier);
        Deliver(a, new AsapRegistrationResponse(Pool, PeId + 1));
        Connects.ExpectNoMsg();

        Deliver(a, new AsapEndpointKeepAlive(ServerA, Pool, PeId + 1));
        Assert.Equal(PeId + 1, ExpectSent<AsapEndpointKeepAliveAck>(a).PoolElementIdentifier);
        a.ExpectNoMsg();

        Deliver(a, new AsapEndpointKeepAlive(ServerA, Pool));
        var acked = new[] { ExpectSent<AsapEndpointKeepAliveAck>(a), ExpectSent<AsapEndpointKeepAliveAck>(a) };
        Assert.Equal([PeId, PeId + 1], acked.Select(ack => ack.PoolElementIdentifier).Order());
    }
}
