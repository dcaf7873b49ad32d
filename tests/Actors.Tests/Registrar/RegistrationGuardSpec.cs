using System.Net;
using Akka.TestKit;
using RSerPool.Actors.Registrar;
using RSerPool.Actors.Tests.Registrar.Support;
using RSerPool.Actors.Transport;
using RSerPool.Wire.Errors;
using RSerPool.Wire.Messages.Asap;
using RSerPool.Wire.Parameters;
using Xunit;

namespace RSerPool.Actors.Tests.Registrar;

/// <summary>
/// Issue 13 item 0: no client takes over or deletes another's PE (RFC 5352 §9.1), registrations name only addresses
/// PUs can use (docs/protocol-notes.md §6), the Registration Life is bounded, and refusals are logged once per host.
/// </summary>
public sealed class RegistrationGuardSpec : RegistrarSpecBase
{
    private static readonly TcpTransport Original = new(7000, TransportUse.DataOnly, [IPAddress.Parse("10.0.0.1")]);
    private static readonly TcpTransport Attacker = new(6666, TransportUse.DataOnly, [IPAddress.Parse("10.0.0.66")]);

    [Fact]
    public void A_registration_of_a_pe_owned_by_another_live_association_is_refused_with_cause_0x000A_and_the_pe_keeps_working()
    {
        Start();
        var pe = Connect();
        var attacker = Connect();
        var user = Connect();
        RegisterAccepted(pe, Registration(5, Original));

        var cause = RegisterRejected(attacker, Registration(5, Attacker));

        Assert.Equal(ErrorCauseCode.RejectionDueToSecurityConsiderations, cause.Code);
        Assert.Equal(Original, Assert.Single(Resolve(user).PoolElements).UserTransport);
        Sys.Stop(attacker.Ref);
        Assert.Equal([5u], ResolvedIds(user));   // the attacker's end does not take the PE with it
        Advance(Interval);
        Assert.True(ExpectSent<AsapEndpointKeepAlive>(pe).PoolElementIdentifier == 5);   // still supervised over its own association
        RegisterAccepted(pe, Registration(5, Original));                                   // and re-registers there as before
        Assert.Equal(1, Snapshot().Refusals[RefusalCause.PeIdentifierTaken]);
    }

    [Fact]
    public void A_hijack_is_logged_once_at_warning_per_host_and_then_only_counted()
    {
        Start();
        var pe = Connect();
        var attacker = Connect();
        RegisterAccepted(pe, Registration(5, Original));

        EventFilter.Warning(contains: "registered over another live association").Expect(1, () =>
        {
            for (int i = 0; i < 5; i++)
            {
                RegisterRejected(attacker, Registration(5, Attacker));
            }
        });

        Assert.Equal(5, Snapshot().Refusals[RefusalCause.PeIdentifierTaken]);
    }

    [Theory]
    [InlineData("224.0.0.1")]
    [InlineData("255.255.255.255")]
    [InlineData("ff02::1")]
    public void A_multicast_or_broadcast_user_address_is_refused_with_cause_0x0003(string address)
    {
        Start();
        var pe = Connect();

        var cause = RegisterRejected(pe, Registration(5, new TcpTransport(7000, TransportUse.DataOnly, [IPAddress.Parse("10.0.0.1"), IPAddress.Parse(address)])));

        Assert.Equal(ErrorCauseCode.InvalidValues, cause.Code);
        Assert.Empty(Snapshot().Elements);
        Assert.Equal(1, Snapshot().Refusals[RefusalCause.BadAddress]);
    }

    [Fact]
    public void An_unspecified_user_address_is_the_associations_own_address_never_registered_as_such()
    {
        Start();
        var pe = ConnectFrom("10.1.9.9");

        RegisterAccepted(pe, Registration(5, new TcpTransport(7000, TransportUse.DataOnly, [IPAddress.Any])));

        Assert.Equal([IPAddress.Parse("10.1.9.9")], Assert.Single(Snapshot().Elements).UserTransport.Addresses);
    }

    [Fact]
    public void A_loopback_client_may_not_register_a_global_address()
    {
        Start();
        var pe = ConnectFrom("127.0.0.1");

        var cause = RegisterRejected(pe, Registration(5, new TcpTransport(7000, TransportUse.DataOnly, [IPAddress.Parse("8.8.8.8")])));

        Assert.Equal(ErrorCauseCode.InvalidValues, cause.Code);
        Assert.Empty(Snapshot().Elements);
        RegisterAccepted(pe, Registration(5, new TcpTransport(7000, TransportUse.DataOnly, [IPAddress.Loopback])));
    }

    [Fact]
    public void A_loopback_client_may_register_this_hosts_other_non_global_addresses()
    {
        Start();
        var pe = ConnectFrom("127.0.0.1");

        RegisterAccepted(pe, Registration(5, new TcpTransport(7000, TransportUse.DataOnly, [IPAddress.Parse("10.0.0.1"), IPAddress.Loopback])));

        Assert.Equal(2, Assert.Single(Snapshot().Elements).UserTransport.Addresses.Count);
    }

    [Fact]
    public void A_client_from_a_global_address_may_not_register_loopback_or_private_addresses()
    {
        Start();
        var pe = ConnectFrom("198.51.100.7");

        Assert.Equal(ErrorCauseCode.InvalidValues, RegisterRejected(pe, Registration(5, new TcpTransport(7000, TransportUse.DataOnly, [IPAddress.Loopback]))).Code);
        Assert.Equal(ErrorCauseCode.InvalidValues, RegisterRejected(pe, Registration(5, new TcpTransport(7000, TransportUse.DataOnly, [IPAddress.Parse("192.168.1.1")]))).Code);
        Assert.Equal(2, Snapshot().Refusals[RefusalCause.AddressScope]);
    }

    [Fact]
    public void Addresses_of_another_scope_are_dropped_when_one_of_the_associations_scope_remains()
    {
        Start();
        var pe = Connect();   // from 10.1.0.n

        RegisterAccepted(pe, Registration(5, new TcpTransport(7000, TransportUse.DataOnly, [IPAddress.Loopback, IPAddress.Parse("10.0.0.1"), IPAddress.Parse("8.8.8.8")])));

        Assert.Equal([IPAddress.Parse("10.0.0.1")], Assert.Single(Snapshot().Elements).UserTransport.Addresses);
    }

    [Fact]
    public void With_the_scope_check_off_any_unicast_address_is_taken()
    {
        Start(Settings with { CheckAddressScope = false });
        var pe = ConnectFrom("127.0.0.1");

        RegisterAccepted(pe, Registration(5, new TcpTransport(7000, TransportUse.DataOnly, [IPAddress.Parse("8.8.8.8")])));
        Assert.Equal(ErrorCauseCode.InvalidValues, RegisterRejected(pe, Registration(6, new TcpTransport(7000, TransportUse.DataOnly, [IPAddress.Parse("224.0.0.1")]))).Code);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public void A_registration_life_of_zero_or_less_is_refused_with_cause_0x0003(int lifeMs)
    {
        Start();
        var pe = Connect();

        var cause = RegisterRejected(pe, Asap.Registration(5, lifeMs: lifeMs));

        Assert.Equal(ErrorCauseCode.InvalidValues, cause.Code);
        Assert.Empty(Snapshot().Elements);
    }

    [Theory]
    [InlineData(int.MaxValue, 600_000)]   // 24.8 days: the maximum, 10 min
    [InlineData(10, 1_000)]               // below one keep-alive cycle: the minimum, 1 s
    [InlineData(90_000, 90_000)]          // RSPLIB's 90 s: as asked
    public void A_registration_life_outside_the_bounds_is_registered_as_the_nearer_bound(int askedMs, int grantedMs)
    {
        Start();
        var pe = Connect();
        var user = Connect();

        RegisterAccepted(pe, Asap.Registration(5, lifeMs: askedMs));

        Assert.Equal(grantedMs, Assert.Single(Snapshot().Elements).RegistrationLifeMs);
        Assert.Equal(grantedMs, Assert.Single(Resolve(user).PoolElements).RegistrationLifeMs);
    }

    [Fact]
    public void Handle_resolutions_are_limited_per_host_across_its_associations()
    {
        Start(Settings with { MaxHandleResolutionRate = 0, MaxHandleResolutionRatePerHost = 2, KeepAliveInterval = TimeSpan.FromMinutes(1) });
        var pe = Connect();
        RegisterAccepted(pe, Asap.Registration(5));
        var first = ConnectFrom("10.2.0.1");
        var second = ConnectFrom("10.2.0.1");
        var elsewhere = ConnectFrom("10.2.0.2");

        Assert.Equal([5u], ResolvedIds(first));
        Assert.Equal([5u], ResolvedIds(second));
        ExpectRefusedAndThrottled(first, TimeSpan.FromMilliseconds(500));    // the host's third in this second
        ExpectRefusedAndThrottled(second, TimeSpan.FromMilliseconds(500));
        Assert.Equal([5u], ResolvedIds(elsewhere));
        Advance(TimeSpan.FromSeconds(1));
        Assert.Equal([5u], ResolvedIds(second));
        Assert.Equal(2, Snapshot().Refusals[RefusalCause.HandleResolutionRate]);
    }

    [Fact]
    public void Unreachable_reports_are_limited_per_host_across_its_associations()
    {
        Start(Settings with { MaxEndpointUnreachableRate = 0, MaxEndpointUnreachableRatePerHost = 1, KeepAliveInterval = TimeSpan.FromMinutes(1) });
        var pe = Connect();
        RegisterAccepted(pe, Asap.Registration(9));

        var reporters = Enumerable.Range(0, 3).Select(_ => ConnectFrom("10.2.0.1")).ToList();   // one host
        foreach (var reporter in reporters)
        {
            Send(reporter, new AsapEndpointUnreachable(Asap.EchoPool, 9));
        }

        // The ignored reports pause their associations until the host's budget holds a report again (1 s at 1/s).
        Assert.Equal(TimeSpan.FromSeconds(1), reporters[1].ExpectMsg<ThrottleReading>().For);
        Assert.Equal(TimeSpan.FromSeconds(1), reporters[2].ExpectMsg<ThrottleReading>().For);
        reporters[0].ExpectNoMsg(TimeSpan.Zero);   // handled before the others: within the budget
        Assert.Equal(1, Assert.Single(Snapshot().Elements).UnreachableReports);
        Assert.Equal(2, Snapshot().Refusals[RefusalCause.UnreachableRate]);
    }

    [Fact]
    public void The_default_rates_are_limited()
    {
        var defaults = new RegistrarSettings();

        Assert.InRange(defaults.MaxHandleResolutionRate, 1, 100_000);
        Assert.InRange(defaults.MaxHandleResolutionRatePerHost, defaults.MaxHandleResolutionRate, 1_000_000);
        Assert.InRange(defaults.MaxEndpointUnreachableRate, 1, 1_000);
        Assert.InRange(defaults.MaxEndpointUnreachableRatePerHost, defaults.MaxEndpointUnreachableRate, 10_000);
    }

    private static AsapRegistration Registration(uint id, TcpTransport transport) =>
        new(Asap.EchoPool, Asap.Pe(id) with { UserTransport = transport });
}
