using Akka.TestKit;
using RSerPool.Actors.Tests.Registrar.Support;
using RSerPool.Actors.Transport;
using RSerPool.Wire.Messages.Asap;
using Xunit;

namespace RSerPool.Actors.Tests.Registrar;

/// <summary>Pool actors come with the first PE and go with the last, without losing messages routed to them.</summary>
public sealed class PoolLifecycleSpec : RegistrarSpecBase
{
    public PoolLifecycleSpec() => Start();

    [Fact]
    public void The_pool_actor_stops_when_its_last_pe_leaves()
    {
        var pe = Connect();
        RegisterAccepted(pe, Asap.Registration(1));
        Assert.Equal(1, Snapshot().PoolCount);

        Send(pe, new AsapDeregistration(Asap.EchoPool, 1));
        ExpectSent<AsapDeregistrationResponse>(pe);

        Assert.Equal(0, Snapshot().PoolCount);
    }

    [Fact]
    public void Messages_routed_to_a_pool_that_just_became_empty_are_all_answered()
    {
        var pe = Connect();
        var user = Connect();
        RegisterAccepted(pe, Asap.Registration(1));

        // The next two reach the registrar while the pool is still handling the deregistration, so they are routed
        // to it after it became empty but before the registrar sees its idle report. Actors run on the calling
        // thread: they are sent when the deregistration's response reaches the association, inside that handling.
        pe.SetAutoPilot(new DelegateAutoPilot((_, message) =>
        {
            if (message is AssociationSend<AsapMessage> { Message: AsapDeregistrationResponse })
            {
                Send(user, new AsapHandleResolution(Asap.EchoPool));
                Send(pe, Asap.Registration(2));
                return AutoPilot.NoAutoPilot;
            }

            return AutoPilot.KeepRunning;
        }));
        Send(pe, new AsapDeregistration(Asap.EchoPool, 1));

        Assert.Null(ExpectSent<AsapDeregistrationResponse>(pe).Error);
        Assert.False(ExpectSent<AsapRegistrationResponse>(pe).Rejected);
        Assert.NotNull(ExpectSent<AsapHandleResolutionResponse>(user).Error);   // empty at that moment: 0x0009
        Assert.Equal([2u], ResolvedIds(user));
        Assert.Equal(1, Snapshot().PoolCount);
    }

    [Fact]
    public void A_rejected_first_registration_leaves_no_pool_behind()
    {
        var pe = Connect();
        Assert.True(Register(pe, Asap.Registration(0)).Rejected);   // PE identifier 0 is invalid (docs/protocol-notes.md §6)

        Assert.Equal(0, Snapshot().PoolCount);
        RegisterAccepted(pe, Asap.Registration(1));
    }

    [Fact]
    public void A_pool_can_be_created_again_after_it_was_removed()
    {
        var pe = Connect();
        var user = Connect();
        RegisterAccepted(pe, Asap.Registration(1));
        Send(pe, new AsapDeregistration(Asap.EchoPool, 1));
        ExpectSent<AsapDeregistrationResponse>(pe);

        RegisterAccepted(pe, Asap.Registration(1));
        Assert.Equal([1u], ResolvedIds(user));
        Advance(Interval);
        ExpectSent<AsapEndpointKeepAlive>(pe);   // the new PE actor supervises it
    }
}
