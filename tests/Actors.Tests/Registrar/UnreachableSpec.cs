using RSerPool.Actors.Tests.Registrar.Support;
using RSerPool.Wire.Messages.Asap;
using Xunit;

namespace RSerPool.Actors.Tests.Registrar;

/// <summary>Endpoint Unreachable reports (RFC 5352 §3.5): MAX-BAD-PE-REPORT removes the PE; excess reports are ignored.</summary>
public sealed class UnreachableSpec : RegistrarSpecBase
{
    private static readonly AsapEndpointUnreachable Report = new(Asap.EchoPool, 9);

    [Fact]
    public void Three_reports_remove_the_pe_and_two_do_not()
    {
        Start();
        var pe = Connect();
        var user = Connect();
        RegisterAccepted(pe, Asap.Registration(9));

        Send(user, Report);
        Send(user, Report);
        Assert.Equal([9u], ResolvedIds(user));
        Assert.Equal(2, Assert.Single(Snapshot().Elements).UnreachableReports);

        Send(user, Report);
        Assert.Empty(ResolvedIds(user));
        user.ExpectNoMsg();   // no response to a report
    }

    [Fact]
    public void Reports_from_several_associations_add_up()
    {
        Start();
        var pe = Connect();
        RegisterAccepted(pe, Asap.Registration(9));

        Send(Connect(), Report);
        Send(Connect(), Report);
        Send(Connect(), Report);

        Assert.Empty(Snapshot().Elements);
    }

    [Fact]
    public void Reports_beyond_the_per_association_rate_are_ignored()
    {
        Start(Settings with { MaxEndpointUnreachableRate = 1, KeepAliveInterval = TimeSpan.FromMinutes(1) });
        var pe = Connect();
        var user = Connect();
        RegisterAccepted(pe, Asap.Registration(9));

        Send(user, Report);
        Send(user, Report);
        Send(user, Report);
        Assert.Equal(1, Assert.Single(Snapshot().Elements).UnreachableReports);

        Advance(TimeSpan.FromSeconds(1));
        Send(user, Report);
        Assert.Equal(2, Assert.Single(Snapshot().Elements).UnreachableReports);

        Advance(TimeSpan.FromSeconds(1));
        Send(user, Report);
        Assert.Empty(Snapshot().Elements);
    }

    [Fact]
    public void A_report_for_an_unknown_pe_changes_nothing()
    {
        Start();
        var pe = Connect();
        RegisterAccepted(pe, Asap.Registration(9));

        for (int i = 0; i < 3; i++)
        {
            Send(pe, new AsapEndpointUnreachable(Asap.EchoPool, 10));
            Send(pe, new AsapEndpointUnreachable(Asap.OtherPool, 9));
        }

        Assert.Equal(0, Assert.Single(Snapshot().Elements).UnreachableReports);
    }
}
