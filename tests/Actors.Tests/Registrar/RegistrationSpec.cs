using System.Buffers.Binary;
using RSerPool.Actors.Handlespace;
using RSerPool.Actors.Tests.Registrar.Support;
using RSerPool.Wire;
using RSerPool.Wire.Errors;
using RSerPool.Wire.Messages.Asap;
using RSerPool.Wire.Parameters;
using Xunit;

namespace RSerPool.Actors.Tests.Registrar;

/// <summary>Registration and re-registration at the registrar (RFC 5352 §3.1) and the limits of issue 4.</summary>
public sealed class RegistrationSpec : RegistrarSpecBase
{
    [Fact]
    public void A_registration_is_accepted_owned_by_this_registrar_and_resolvable()
    {
        Start();
        var pe = Connect();
        var user = Connect();
        RegisterAccepted(pe, Asap.Registration(0x11, PoolMemberSelectionPolicy.LeastUsed(7)));

        var response = Resolve(user);
        var element = Assert.Single(response.PoolElements);
        Assert.Equal(0x11u, element.Identifier);
        Assert.Equal(ServerId, element.HomeServerIdentifier);
        Assert.Equal(Asap.Tcp(7000), element.UserTransport);
        Assert.Null(element.AsapTransport);   // RFC 5352 §2.2.6: no ASAP transport inside ASAP
        Assert.Equal(PoolMemberSelectionPolicy.LeastUsed(7), response.Policy);

        var entry = Assert.Single(Snapshot().Elements);
        Assert.Equal(ServerId, entry.OwnerId);
        Assert.Equal(Asap.LifeMs, entry.RegistrationLifeMs);
    }

    [Fact]
    public void A_re_registration_keeps_the_pe_and_updates_its_policy_values()
    {
        Start();
        var pe = Connect();
        var user = Connect();
        RegisterAccepted(pe, Asap.Registration(0x21, PoolMemberSelectionPolicy.LeastUsed(100)));
        RegisterAccepted(pe, Asap.Registration(0x22, PoolMemberSelectionPolicy.LeastUsed(200)));

        // Least Used picks the lower load: 0x21 first.
        Assert.Equal([0x21u, 0x22u], ResolvedIds(user, items: 2));

        RegisterAccepted(pe, new AsapRegistration(Asap.EchoPool, Asap.Pe(0x21, PoolMemberSelectionPolicy.LeastUsed(300), port: 7100)));

        var response = Resolve(user, items: 2);
        Assert.Equal([0x22u, 0x21u], response.PoolElements.Select(e => e.Identifier));
        var updated = response.PoolElements[1];
        Assert.Equal(PoolMemberSelectionPolicy.LeastUsed(300), updated.Policy);
        Assert.Equal(Asap.Tcp(7100), updated.UserTransport);
        Assert.Equal(2, Snapshot().Elements.Count);
    }

    [Fact]
    public void A_registration_with_another_policy_than_the_pool_is_rejected_with_cause_0x0005()
    {
        Start();
        var pe = Connect();
        RegisterAccepted(pe, Asap.Registration(1, PoolMemberSelectionPolicy.RoundRobin()));

        var cause = RegisterRejected(pe, Asap.Registration(2, PoolMemberSelectionPolicy.LeastUsed(5)));

        Assert.Equal(ErrorCauseCode.InconsistentPoolingPolicy, cause.Code);
        Assert.Equal(PolicyType.LeastUsed, (PolicyType)BinaryPrimitives.ReadUInt32BigEndian(cause.Information.AsSpan()[4..]));
        Assert.Equal([1u], Snapshot().Elements.Select(e => e.Identifier));
    }

    [Fact]
    public void A_pool_handle_longer_than_the_limit_is_rejected_with_cause_0x0003_carrying_the_handle()
    {
        Start();
        var pe = Connect();
        var handle = new PoolHandle(Enumerable.Repeat((byte)'h', 33).ToArray());

        var cause = RegisterRejected(pe, Asap.Registration(1, handle: handle));

        Assert.Equal(ErrorCauseCode.InvalidValues, cause.Code);
        byte[] information = cause.Information.ToArray();
        Assert.Equal((ushort)ParameterType.PoolHandle, BinaryPrimitives.ReadUInt16BigEndian(information));
        Assert.Equal(4 + 33, BinaryPrimitives.ReadUInt16BigEndian(information.AsSpan(2)));
        Assert.Equal(handle.ToArray(), information[4..]);
        Assert.Equal(0, Snapshot().PoolCount);
    }

    [Fact]
    public void A_handle_of_exactly_the_limit_is_accepted()
    {
        Start();
        var pe = Connect();
        RegisterAccepted(pe, Asap.Registration(1, handle: new PoolHandle(Enumerable.Repeat((byte)'h', 32).ToArray())));
    }

    [Fact]
    public void More_pes_per_association_than_the_limit_are_rejected_with_cause_0x0006()
    {
        Start(Settings with { Handlespace = HandlespaceSettings.Default with { MaxElementsPerAssociation = 2 } });
        var pe = Connect();
        var other = Connect();
        RegisterAccepted(pe, Asap.Registration(1));
        RegisterAccepted(pe, Asap.Registration(2, handle: Asap.OtherPool));

        Assert.Equal(ErrorCauseCode.LackOfResources, RegisterRejected(pe, Asap.Registration(3)).Code);
        RegisterAccepted(pe, Asap.Registration(1));      // a re-registration takes no new slot
        RegisterAccepted(other, Asap.Registration(3));   // the limit is per association

        Send(pe, new AsapDeregistration(Asap.EchoPool, 1));
        ExpectSent<AsapDeregistrationResponse>(pe);
        RegisterAccepted(pe, Asap.Registration(4));      // the slot is free again
    }

    [Fact]
    public void Registrations_in_flight_count_against_the_per_association_limit()
    {
        Start(Settings with { Handlespace = HandlespaceSettings.Default with { MaxElementsPerAssociation = 2 } });
        var pe = Connect();
        Send(pe, Asap.Registration(1));
        Send(pe, Asap.Registration(2, handle: Asap.OtherPool));
        Send(pe, Asap.Registration(3));

        var responses = Enumerable.Range(0, 3).Select(_ => ExpectSent<AsapRegistrationResponse>(pe)).ToList();
        Assert.Equal(1, responses.Count(r => r.Rejected));
        Assert.Equal(2, Snapshot().Elements.Count);
    }

    [Fact]
    public void More_pools_than_the_limit_are_rejected_with_cause_0x0006()
    {
        Start(Settings with { Handlespace = HandlespaceSettings.Default with { MaxPools = 1 } });
        var pe = Connect();
        RegisterAccepted(pe, Asap.Registration(1));

        Assert.Equal(ErrorCauseCode.LackOfResources, RegisterRejected(pe, Asap.Registration(2, handle: Asap.OtherPool)).Code);
        RegisterAccepted(pe, Asap.Registration(2));   // the existing pool still takes PEs
    }

    [Fact]
    public void More_pes_per_pool_than_the_limit_are_rejected_with_cause_0x0006()
    {
        Start(Settings with { Handlespace = HandlespaceSettings.Default with { MaxElementsPerPool = 2 } });
        var pe = Connect();
        RegisterAccepted(pe, Asap.Registration(1));
        RegisterAccepted(pe, Asap.Registration(2));

        Assert.Equal(ErrorCauseCode.LackOfResources, RegisterRejected(pe, Asap.Registration(3)).Code);
    }

    [Fact]
    public void The_owner_checksum_follows_registrations_and_removals()
    {
        Start();
        var pe = Connect();
        RegisterAccepted(pe, Asap.Registration(0x0001_0002));
        RegisterAccepted(pe, Asap.Registration(0xfffe_0003, handle: Asap.OtherPool));
        RegisterAccepted(pe, Asap.Registration(0x0001_0002));   // re-registration: counted once

        var expected = PeChecksum.Empty.Add(Asap.EchoPool.Span, 0x0001_0002).Add(Asap.OtherPool.Span, 0xfffe_0003);
        Assert.Equal(expected, Snapshot().OwnerChecksums[ServerId]);

        Send(pe, new AsapDeregistration(Asap.EchoPool, 0x0001_0002));
        ExpectSent<AsapDeregistrationResponse>(pe);
        Assert.Equal(PeChecksum.Empty.Add(Asap.OtherPool.Span, 0xfffe_0003), Snapshot().OwnerChecksums[ServerId]);
    }

    [Fact]
    public void The_started_notification_carries_the_server_id_and_the_bound_port()
    {
        var started = Start();
        Assert.Equal(ServerId, started.ServerId);
        Assert.NotEqual(0, started.AsapEndPoint.Port);
    }

    [Fact]
    public void Server_id_0_in_the_settings_means_a_random_non_zero_id()
    {
        var started = Start(Settings with { ServerId = 0 });
        Assert.NotEqual(0u, started.ServerId);
    }

    [Fact]
    public void A_wildcard_user_address_is_replaced_by_the_pes_association_address()
    {
        // docs/protocol-notes.md §6: PUs must never be handed 0.0.0.0; the PE is at its association's address (10.1.0.n).
        Start();
        var pe = Connect();
        var wildcard = Asap.Pe(0x51) with { UserTransport = new TcpTransport(7000, TransportUse.DataOnly, [System.Net.IPAddress.Any]) };
        RegisterAccepted(pe, new AsapRegistration(Asap.EchoPool, wildcard));

        var resolved = Assert.Single(Resolve(Connect()).PoolElements);
        Assert.Equal([System.Net.IPAddress.Parse("10.1.0.1")], resolved.UserTransport.Addresses.ToArray());
        Assert.Equal(7000, resolved.UserTransport.Port);
    }
}
