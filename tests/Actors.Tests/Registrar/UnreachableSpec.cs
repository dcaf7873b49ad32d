using RSerPool.Actors.Tests.Registrar.Support;
using RSerPool.Wire.Messages.Asap;
using Xunit;

namespace RSerPool.Actors.Tests.Registrar;

/// <summary>
/// Endpoint Unreachable reports (RFC 5352 §3.5): MAX-BAD-PE-REPORT distinct reporters within the report window remove
/// the PE; excess reports are ignored.
/// </summary>
public sealed class UnreachableSpec : RegistrarSpecBase
{
    private static readonly AsapEndpointUnreachable Report = new(Asap.EchoPool, 9);

    [Fact]
    public void Three_reporters_remove_the_pe_and_two_do_not()
    {
        Start();
        var pe = Connect();
        var first = Connect();
        RegisterAccepted(pe, Asap.Registration(9));

        Send(first, Report);
        Send(Connect(), Report);
        Assert.Equal([9u], ResolvedIds(first));
        Assert.Equal(2, Assert.Single(Snapshot().Elements).UnreachableReports);

        Send(Connect(), Report);
        Assert.Empty(ResolvedIds(first));
        first.ExpectNoMsg();   // no response to a report
    }

    [Fact]
    public void Ten_reports_from_one_association_do_not_remove_a_healthy_pe()
    {
        // RFC 5355 §2.13 (bogus Endpoint Unreachable reports): one reporter counts once per window.
        Start(Settings with { MaxEndpointUnreachableRate = 0, MaxEndpointUnreachableRatePerHost = 0, KeepAliveInterval = TimeSpan.FromMinutes(1) });
        var pe = Connect();
        var attacker = Connect();
        RegisterAccepted(pe, Asap.Registration(9));

        for (int i = 0; i < 10; i++)
        {
            Send(attacker, Report);
            Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal([9u], ResolvedIds(attacker));
        Assert.Equal(1, Assert.Single(Snapshot().Elements).UnreachableReports);
    }

    [Fact]
    public void Several_associations_of_one_host_are_one_reporter()
    {
        Start(Settings with { MaxEndpointUnreachableRate = 0, MaxEndpointUnreachableRatePerHost = 0 });
        var pe = Connect();
        RegisterAccepted(pe, Asap.Registration(9));

        for (int i = 0; i < 3; i++)
        {
            Send(ConnectFrom("10.2.0.1"), Report);
        }

        Assert.Equal(1, Assert.Single(Snapshot().Elements).UnreachableReports);
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
        // Every report counts (RSPLIB) so that the rate limit alone is seen.
        Start(Settings with
        {
            MaxEndpointUnreachableRate = 1,
            KeepAliveInterval = TimeSpan.FromMinutes(1),
            Handlespace = Settings.Handlespace with { UnreachableReportWindow = TimeSpan.Zero },
        });
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
