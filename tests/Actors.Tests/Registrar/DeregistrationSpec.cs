using RSerPool.Actors.Tests.Registrar.Support;
using RSerPool.Wire.Errors;
using RSerPool.Wire.Messages.Asap;
using Xunit;

namespace RSerPool.Actors.Tests.Registrar;

/// <summary>Deregistration (RFC 5352 §3.2): only from the association that registered the PE.</summary>
public sealed class DeregistrationSpec : RegistrarSpecBase
{
    public DeregistrationSpec() => Start();

    [Fact]
    public void A_pe_deregisters_over_its_own_association_and_is_gone()
    {
        var pe = Connect();
        var user = Connect();
        RegisterAccepted(pe, Asap.Registration(5));

        Send(pe, new AsapDeregistration(Asap.EchoPool, 5));

        var response = ExpectSent<AsapDeregistrationResponse>(pe);
        Assert.Equal(Asap.EchoPool, response.PoolHandle);
        Assert.Equal(5u, response.PoolElementIdentifier);
        Assert.Null(response.Error);
        Assert.Empty(ResolvedIds(user));
    }

    [Fact]
    public void A_deregistration_from_another_association_is_refused_with_cause_0x000A_and_the_pe_stays()
    {
        var pe = Connect();
        var attacker = Connect();
        RegisterAccepted(pe, Asap.Registration(5));

        Send(attacker, new AsapDeregistration(Asap.EchoPool, 5));

        var response = ExpectSent<AsapDeregistrationResponse>(attacker);
        Assert.Equal(ErrorCauseCode.RejectionDueToSecurityConsiderations, Assert.Single(response.Error!.Causes).Code);
        Assert.Equal([5u], ResolvedIds(attacker));
        pe.ExpectNoMsg();
    }

    [Fact]
    public void Deregistering_an_unknown_pe_is_answered_with_success()
    {
        var pe = Connect();
        RegisterAccepted(pe, Asap.Registration(5));

        Send(pe, new AsapDeregistration(Asap.EchoPool, 6));
        Assert.Null(ExpectSent<AsapDeregistrationResponse>(pe).Error);
        Send(pe, new AsapDeregistration(Asap.OtherPool, 5));
        Assert.Null(ExpectSent<AsapDeregistrationResponse>(pe).Error);
        Assert.Single(Snapshot().Elements);
    }

    [Fact]
    public void A_deregistered_pe_gets_no_more_keep_alives()
    {
        var pe = Connect();
        RegisterAccepted(pe, Asap.Registration(5));
        Send(pe, new AsapDeregistration(Asap.EchoPool, 5));
        ExpectSent<AsapDeregistrationResponse>(pe);

        Advance(Interval + Timeout + Interval);   // virtual time: Akka's ExpectNoMsg(duration) would only wait in real time
        pe.ExpectNoMsg();
    }
}
