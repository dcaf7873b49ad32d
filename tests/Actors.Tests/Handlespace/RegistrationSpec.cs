// Registration, re-registration, removal and limits (RFC 5352 §3.1-§3.2, §3.5; docs/protocol-notes.md §13).
using System.Net;
using RSerPool.Actors.Handlespace;
using RSerPool.Wire;
using RSerPool.Wire.Errors;
using RSerPool.Wire.Parameters;
using Xunit;
using static RSerPool.Actors.Tests.Handlespace.Support.Elements;
using Policy = RSerPool.Wire.Parameters.PoolMemberSelectionPolicy;

namespace RSerPool.Actors.Tests.Handlespace;

public sealed class RegistrationSpec
{
    private readonly PoolHandlespace _handlespace = new();

    private RegistrationResult Register(uint id, Policy policy, TransportParameter? transport = null, long association = 1, PoolHandle? handle = null) =>
        _handlespace.Register(handle ?? Handle, Pe(id, policy, transport), OwnRegistrar, association);

    [Fact]
    public void First_registration_creates_the_pool_with_its_policy_and_transport()
    {
        RegistrationResult result = Register(1, Policy.LeastUsed(5), Tcp(7, TransportUse.DataPlusControl));

        Assert.Equal(RegistrationOutcome.Added, result.Outcome);
        Assert.True(_handlespace.TryGetPool(Handle, out Pool? pool));
        Assert.Equal(PolicyType.LeastUsed, pool.PolicyType);
        Assert.Equal(ParameterType.TcpTransport, pool.TransportType);
        Assert.Equal(TransportUse.DataPlusControl, pool.TransportUse);
        Assert.Same(pool, result.Entry!.Pool);
        Assert.Equal(OwnRegistrar, result.Entry.OwnerId);
        Assert.Equal(1, _handlespace.ElementCount);
    }

    [Fact]
    public void Different_policy_type_is_rejected_with_0x0005_and_the_policy_parameter()
    {
        Register(1, Policy.RoundRobin());
        RegistrationResult result = Register(2, Policy.LeastUsed(0x40000000));

        Assert.Equal(RegistrationOutcome.Rejected, result.Outcome);
        Assert.Equal(ErrorCauseCode.InconsistentPoolingPolicy, result.Error!.Code);
        // RFC 5354 §3.8: type 0x0008, length 12, policy 0x40000001, load 0x40000000.
        Assert.Equal(ValueArray.FromHex("0008 000c 40000001 40000000"), result.Error.Information);
        Assert.Equal(1, _handlespace.ElementCount);
    }

    [Fact]
    public void Unknown_policy_type_is_rejected_with_0x0005()
    {
        // docs/protocol-notes.md §13: 0xB0002004 is not usable on the wire; unknown codes get 0x0005 with the policy parameter.
        Policy unknown = Policy.Opaque((PolicyType)0xB0002004, ValueArray.FromHex("00000001"));
        RegistrationResult result = Register(1, unknown);

        Assert.Equal(ErrorCauseCode.InconsistentPoolingPolicy, result.Error!.Code);
        Assert.Equal(ValueArray.FromHex("0008 000c b0002004 00000001"), result.Error.Information);
        Assert.Equal(0, _handlespace.PoolCount);
    }

    [Fact]
    public void Different_transport_protocol_is_rejected_with_0x0007_and_the_transport_parameter()
    {
        Register(1, Policy.RoundRobin(), Tcp(7));
        var udp = new UdpTransport(7, [IPAddress.Parse("10.0.0.1")]);
        RegistrationResult result = Register(2, Policy.RoundRobin(), udp);

        Assert.Equal(ErrorCauseCode.InconsistentTransportType, result.Error!.Code);
        // RFC 5354 §3.6: type 0x0006, length 16, port 7, reserved, IPv4 address parameter 10.0.0.1.
        Assert.Equal(ValueArray.FromHex("0006 0010 0007 0000 0001 0008 0a000001"), result.Error.Information);
    }

    [Fact]
    public void Different_transport_use_is_rejected_with_0x0008()
    {
        Register(1, Policy.RoundRobin(), Tcp(7, TransportUse.DataOnly));
        RegistrationResult result = Register(2, Policy.RoundRobin(), Tcp(8, TransportUse.DataPlusControl));

        Assert.Equal(ErrorCauseCode.InconsistentDataControlConfiguration, result.Error!.Code);
    }

    [Fact]
    public void Pe_identifier_zero_is_rejected()
    {
        RegistrationResult result = Register(0, Policy.RoundRobin());

        Assert.Equal(RegistrationOutcome.Rejected, result.Outcome);
        Assert.Equal(ErrorCauseCode.RsplibInvalidId, result.Error!.Code);
        Assert.Equal(0, _handlespace.PoolCount);
    }

    [Fact]
    public void Empty_pool_handle_is_rejected_with_0x0003_and_the_handle_parameter()
    {
        RegistrationResult result = Register(1, Policy.RoundRobin(), handle: default(PoolHandle));

        Assert.Equal(ErrorCauseCode.InvalidValues, result.Error!.Code);
        Assert.Equal(ValueArray.FromHex("0009 0004"), result.Error.Information);
    }

    [Fact]
    public void Pool_handle_longer_than_the_limit_is_rejected_with_0x0003_and_the_handle_parameter()
    {
        var longHandle = new PoolHandle(Enumerable.Repeat((byte)'a', 33).ToArray());
        RegistrationResult result = Register(1, Policy.RoundRobin(), handle: longHandle);

        Assert.Equal(ErrorCauseCode.InvalidValues, result.Error!.Code);
        Assert.Equal(ValueArray.FromHex("0009 0025" + string.Concat(Enumerable.Repeat("61", 33))), result.Error.Information);
        Assert.True(Register(1, Policy.RoundRobin(), handle: new PoolHandle(Enumerable.Repeat((byte)'a', 32).ToArray())).IsAccepted);
    }

    [Fact]
    public void Pool_limit_gives_lack_of_resources()
    {
        var handlespace = new PoolHandlespace(new HandlespaceSettings { MaxPools = 2 });
        Assert.True(handlespace.Register(PoolHandle.FromString("a"), Pe(1, Policy.RoundRobin()), OwnRegistrar, 1).IsAccepted);
        Assert.True(handlespace.Register(PoolHandle.FromString("b"), Pe(1, Policy.RoundRobin()), OwnRegistrar, 1).IsAccepted);

        RegistrationResult third = handlespace.Register(PoolHandle.FromString("c"), Pe(1, Policy.RoundRobin()), OwnRegistrar, 1);
        Assert.Equal(ErrorCauseCode.LackOfResources, third.Error!.Code);
        Assert.True(handlespace.Register(PoolHandle.FromString("a"), Pe(2, Policy.RoundRobin()), OwnRegistrar, 1).IsAccepted);
    }

    [Fact]
    public void Pool_size_limit_gives_lack_of_resources_but_allows_re_registration()
    {
        var handlespace = new PoolHandlespace(new HandlespaceSettings { MaxElementsPerPool = 2 });
        Pool1(handlespace, Policy.RoundRobin(), Policy.RoundRobin());

        Assert.Equal(ErrorCauseCode.LackOfResources, handlespace.Register(Handle, Pe(3, Policy.RoundRobin()), OwnRegistrar, 1).Error!.Code);
        Assert.Equal(RegistrationOutcome.Updated, handlespace.Register(Handle, Pe(2, Policy.RoundRobin()), OwnRegistrar, 1).Outcome);
    }

    [Fact]
    public void Association_limit_gives_lack_of_resources_and_ignores_enrp_copies()
    {
        var handlespace = new PoolHandlespace(new HandlespaceSettings { MaxElementsPerAssociation = 2 });
        Assert.True(handlespace.Register(Handle, Pe(1, Policy.RoundRobin()), OwnRegistrar, 7).IsAccepted);
        Assert.True(handlespace.Register(Handle, Pe(2, Policy.RoundRobin()), OwnRegistrar, 7).IsAccepted);

        Assert.Equal(ErrorCauseCode.LackOfResources, handlespace.Register(Handle, Pe(3, Policy.RoundRobin()), OwnRegistrar, 7).Error!.Code);
        Assert.True(handlespace.Register(Handle, Pe(3, Policy.RoundRobin()), OwnRegistrar, 8).IsAccepted);
        for (uint id = 10; id < 20; id++)
        {
            Assert.True(handlespace.Register(Handle, Pe(id, Policy.RoundRobin()), 0x99, 0, expiresAt: 1000).IsAccepted);
        }
    }

    [Fact]
    public void Re_registration_updates_in_place_and_keeps_identity()
    {
        PoolElementEntry original = Register(1, Policy.LeastUsed(10), Tcp(7)).Entry!;
        RegistrationResult again = Register(1, Policy.LeastUsed(20), Tcp(8));

        Assert.Equal(RegistrationOutcome.Updated, again.Outcome);
        Assert.Same(original, again.Entry);
        Assert.Equal(20u, original.Policy.Load);
        Assert.Equal((ushort)8, original.UserTransport.Port);
        Assert.Equal(1, _handlespace.ElementCount);
    }

    [Fact]
    public void Re_registration_cannot_change_the_policy_type_even_for_the_only_pe()
    {
        Register(1, Policy.LeastUsed(10));
        RegistrationResult result = Register(1, Policy.RoundRobin());

        Assert.Equal(ErrorCauseCode.InconsistentPoolingPolicy, result.Error!.Code);
        Assert.True(_handlespace.TryGetElement(Handle, 1, out PoolElementEntry? entry));
        Assert.Equal(PolicyType.LeastUsed, entry.Policy.Type);
    }

    [Fact]
    public void Re_registration_takes_ownership_from_another_registrar()
    {
        const uint other = 0x11111111;
        _handlespace.Register(Handle, Pe(1, Policy.RoundRobin()), other, 0, expiresAt: 5000);
        Assert.Equal(1, _handlespace.CountOwnedBy(other));

        RegistrationResult result = Register(1, Policy.RoundRobin(), association: 3);

        Assert.Equal(other, result.PreviousOwnerId);
        Assert.Equal(OwnRegistrar, result.Entry!.OwnerId);
        Assert.Equal(0, _handlespace.CountOwnedBy(other));
        Assert.Equal(1, _handlespace.CountOwnedBy(OwnRegistrar));
        Assert.Equal(PoolHandlespace.NoExpiry, result.Entry.ExpiresAt);
        Assert.Equal(1, _handlespace.CountOfAssociation(3));
    }

    [Fact]
    public void Re_registration_over_another_association_moves_the_pe()
    {
        Register(1, Policy.RoundRobin(), association: 1);
        Register(1, Policy.RoundRobin(), association: 2);

        Assert.Equal(0, _handlespace.CountOfAssociation(1));
        Assert.Equal(1, _handlespace.CountOfAssociation(2));
        var removed = new List<PoolElementEntry>();
        Assert.Equal(0, _handlespace.RemoveAssociation(1, removed));
        Assert.Equal(1, _handlespace.ElementCount);
    }

    [Fact]
    public void Last_pe_leaving_removes_the_pool_and_frees_its_policy()
    {
        Register(1, Policy.RoundRobin());
        PoolElementEntry? removed = _handlespace.Remove(Handle, 1);

        Assert.NotNull(removed);
        Assert.False(removed.IsRegistered);
        Assert.False(removed.Pool.IsRegistered);
        Assert.Equal(0, _handlespace.PoolCount);
        Assert.False(_handlespace.TrySelect(Handle, new PoolElementEntry[1], out _));
        Assert.True(Register(2, Policy.LeastUsed(0)).IsAccepted);
        Assert.Null(_handlespace.Remove(Handle, 1));
    }

    [Fact]
    public void Removing_an_association_removes_exactly_its_pes()
    {
        Register(1, Policy.RoundRobin(), association: 1);
        Register(2, Policy.RoundRobin(), association: 2);
        Register(3, Policy.RoundRobin(), association: 1);
        Register(1, Policy.RoundRobin(), association: 1, handle: PoolHandle.FromString("Other"));

        var removed = new List<PoolElementEntry>();
        int count = _handlespace.RemoveAssociation(1, removed);

        Assert.Equal(3, count);
        Assert.Equal(["EchoPool/1", "EchoPool/3", "Other/1"], removed.Select(e => $"{e.PoolHandle}/{e.Identifier}").Order());
        Assert.Equal(1, _handlespace.ElementCount);
        Assert.Equal(1, _handlespace.PoolCount);
        Assert.Equal([2u], Select(_handlespace, 3));
    }

    [Fact]
    public void Third_unreachable_report_removes_the_pe()
    {
        // RFC 5352 §3.5: MAX-BAD-PE-REPORT default 3, from three distinct reporters.
        Register(1, Policy.RoundRobin());
        Register(2, Policy.RoundRobin());

        Assert.Equal(UnreachableOutcome.Counted, _handlespace.ReportUnreachable(Handle, 1, "a", 0, out _));
        Assert.Equal(UnreachableOutcome.Counted, _handlespace.ReportUnreachable(Handle, 1, "b", 0, out _));
        Assert.Equal(UnreachableOutcome.Removed, _handlespace.ReportUnreachable(Handle, 1, "c", 0, out PoolElementEntry? removed));

        Assert.Equal(1u, removed!.Identifier);
        Assert.False(_handlespace.TryGetElement(Handle, 1, out _));
        Assert.Equal(UnreachableOutcome.UnknownElement, _handlespace.ReportUnreachable(Handle, 1, "a", 0, out _));
        Assert.Equal(UnreachableOutcome.Counted, _handlespace.ReportUnreachable(Handle, 2, "a", 0, out _));
    }

    [Fact]
    public void One_reporter_counts_once_within_the_window_and_reporters_age_out()
    {
        var handlespace = new PoolHandlespace(new HandlespaceSettings { UnreachableReportWindow = TimeSpan.FromSeconds(30) });
        Pool1(handlespace, Policy.RoundRobin());

        for (int i = 0; i < 10; i++)
        {
            Assert.Equal(UnreachableOutcome.Counted, handlespace.ReportUnreachable(Handle, 1, "a", i * 1_000, out _));
        }

        Assert.Equal(UnreachableOutcome.Counted, handlespace.ReportUnreachable(Handle, 1, "b", 40_000, out PoolElementEntry? entry));
        Assert.Equal(1, entry!.UnreachableReports);   // a's last report (9 s) is older than 30 s at 40 s
        Assert.Equal(UnreachableOutcome.Counted, handlespace.ReportUnreachable(Handle, 1, "c", 41_000, out _));
        Assert.Equal(UnreachableOutcome.Removed, handlespace.ReportUnreachable(Handle, 1, "a", 42_000, out _));
    }

    [Fact]
    public void Without_a_window_every_report_counts_as_in_rsplib()
    {
        var handlespace = new PoolHandlespace(new HandlespaceSettings { UnreachableReportWindow = TimeSpan.Zero });
        Pool1(handlespace, Policy.RoundRobin());

        Assert.Equal(UnreachableOutcome.Counted, handlespace.ReportUnreachable(Handle, 1, "a", 0, out _));
        Assert.Equal(UnreachableOutcome.Counted, handlespace.ReportUnreachable(Handle, 1, "a", 0, out _));
        Assert.Equal(UnreachableOutcome.Removed, handlespace.ReportUnreachable(Handle, 1, "a", 0, out _));
    }

    [Fact]
    public void Unreachable_limit_is_configurable()
    {
        var handlespace = new PoolHandlespace(new HandlespaceSettings { MaxUnreachableReports = 1 });
        Pool1(handlespace, Policy.RoundRobin());
        Assert.Equal(UnreachableOutcome.Removed, handlespace.ReportUnreachable(Handle, 1, "a", 0, out _));
    }

    [Fact]
    public void Removed_entry_still_builds_its_pool_element_parameter()
    {
        PoolElementEntry entry = Register(5, Policy.LeastUsed(3), Tcp(77)).Entry!;
        _handlespace.Remove(entry);

        PoolElement element = entry.ToPoolElement();
        Assert.Equal(new PoolElement(5, OwnRegistrar, LifeMs, Tcp(77), Policy.LeastUsed(3)), element);
        Assert.Equal(Handle, entry.PoolHandle);
        Assert.False(_handlespace.Remove(entry));
    }

    [Fact]
    public void Pools_are_independent()
    {
        var other = PoolHandle.FromString("CalcAppPool");
        Register(1, Policy.RoundRobin());
        Register(1, Policy.LeastUsed(0), handle: other);

        Assert.Equal(2, _handlespace.PoolCount);
        Assert.Equal(2, _handlespace.ElementCount);
        Assert.Equal([1u], Select(_handlespace, 1, other));
    }
}
