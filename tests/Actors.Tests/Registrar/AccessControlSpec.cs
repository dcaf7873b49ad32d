// Issue 17: rserpool.acl on ASAP (docs/security.md): registrations and resolutions by association identity.
using RSerPool.Actors.Registrar;
using RSerPool.Actors.Security;
using RSerPool.Actors.Tests.Registrar.Support;
using RSerPool.Actors.Transport;
using RSerPool.Wire.Errors;
using RSerPool.Wire.Messages.Asap;
using RSerPool.Wire.Parameters;
using Xunit;

namespace RSerPool.Actors.Tests.Registrar;

public sealed class AccessControlSpec : RegistrarSpecBase
{
    private static readonly PoolHandle PoolA = PoolHandle.FromString("A-pool");
    private static readonly PoolHandle PoolB = PoolHandle.FromString("B-pool");
    private static readonly AssociationIdentity PeA = new("pe-a", ["pe-a.example.net"]);
    private static readonly AssociationIdentity User = new("pu-1", []);

    private static readonly AccessControl Acl = new(
    [
        new AccessRule("pe-a", register: ["A*"], resolve: []),
        new AccessRule("pu-1", register: [], resolve: ["A-pool"]),
        new AccessRule(AccessRule.Anonymous, register: [], resolve: ["Public*"]),
    ]);

    public AccessControlSpec() => Start(Settings with { Acl = Acl });

    [Fact]
    public void A_pe_allowed_in_pool_A_registers_there_and_is_refused_in_pool_B_with_cause_0x000A()
    {
        var pe = Connect(PeA);
        var user = Connect(User);

        RegisterAccepted(pe, Asap.Registration(1, handle: PoolA));
        var cause = RegisterRejected(pe, Asap.Registration(2, handle: PoolB));

        Assert.Equal(ErrorCauseCode.RejectionDueToSecurityConsiderations, cause.Code);
        Assert.Equal([1u], ResolvedIds(user, PoolA));
        var element = Assert.Single(Snapshot().Elements);
        Assert.Equal(PoolA, element.PoolHandle);
        Assert.Equal(1, Snapshot().Refusals[RefusalCause.AclRegister]);
    }

    [Fact]
    public void A_plaintext_association_may_not_register_when_rules_are_set()
    {
        var anonymous = Connect();

        Assert.Equal(ErrorCauseCode.RejectionDueToSecurityConsiderations, RegisterRejected(anonymous, Asap.Registration(1, handle: PoolA)).Code);
        Assert.Equal(ErrorCauseCode.RejectionDueToSecurityConsiderations, RegisterRejected(anonymous, Asap.Registration(1, handle: PoolHandle.FromString("Public-1"))).Code);
        Assert.Empty(Snapshot().Elements);
    }

    [Fact]
    public void A_resolution_the_identity_may_not_make_is_answered_with_cause_0x000A_and_no_pes()
    {
        var pe = Connect(PeA);
        RegisterAccepted(pe, Asap.Registration(1, handle: PoolA));
        RegisterAccepted(pe, Asap.Registration(2, handle: PoolHandle.FromString("A-other")));

        var refused = Resolve(Connect(User), PoolHandle.FromString("A-other"));
        var byThePe = Resolve(pe, PoolA);   // may register there, not resolve
        var byAnonymous = Resolve(Connect(), PoolA);

        foreach (var response in new[] { refused, byThePe, byAnonymous })
        {
            Assert.Equal(ErrorCauseCode.RejectionDueToSecurityConsiderations, Assert.Single(response.Error!.Causes).Code);
            Assert.True(response.PoolElements.IsEmpty);
        }

        Assert.Equal(3, Snapshot().Refusals[RefusalCause.AclResolve]);
        Assert.Equal([1u], ResolvedIds(Connect(User), PoolA));
    }

    [Fact]
    public void An_anonymous_rule_lets_plaintext_associations_resolve_its_pools()
    {
        var response = Resolve(Connect(), PoolHandle.FromString("Public-1"));

        Assert.Equal(ErrorCauseCode.UnknownPoolHandle, Assert.Single(response.Error!.Causes).Code);   // allowed: the pool is just empty
    }

    [Fact]
    public void A_pu_allowed_to_resolve_cannot_deregister_the_pe()
    {
        var pe = Connect(PeA);
        var user = Connect(User);
        RegisterAccepted(pe, Asap.Registration(1, handle: PoolA));

        Send(user, new AsapDeregistration(PoolA, 1));

        var response = ExpectSent<AsapDeregistrationResponse>(user);
        Assert.Equal(ErrorCauseCode.RejectionDueToSecurityConsiderations, Assert.Single(response.Error!.Causes).Code);
        Assert.Equal([1u], ResolvedIds(user, PoolA));
    }

    [Fact]
    public void Unreachable_reports_from_identities_that_may_not_resolve_the_pool_are_ignored()
    {
        var pe = Connect(PeA);
        RegisterAccepted(pe, Asap.Registration(1, handle: PoolA));

        for (int i = 0; i < 3; i++)
        {
            Send(Connect(), new AsapEndpointUnreachable(PoolA, 1));   // anonymous: may resolve Public* only
        }

        Assert.Equal([1u], ResolvedIds(Connect(User), PoolA));
        Assert.Equal(3, Snapshot().Refusals[RefusalCause.AclUnreachable]);

        for (int i = 0; i < 3; i++)
        {
            Send(Connect(User), new AsapEndpointUnreachable(PoolA, 1));   // may resolve A-pool: its reports count
        }

        Assert.Empty(ResolvedIds(Connect(User), PoolA));
    }

    [Fact]
    public void Each_identity_and_pool_is_logged_once_and_every_refusal_counted()
    {
        var pe = Connect(PeA);

        EventFilter.Warning(contains: "refused by rserpool.acl").Expect(2, () =>
        {
            for (uint id = 1; id <= 3; id++)
            {
                RegisterRejected(pe, Asap.Registration(id, handle: PoolB));
            }

            RegisterRejected(pe, Asap.Registration(4, handle: PoolHandle.FromString("C-pool")));
        });

        Assert.Equal(4, Snapshot().Refusals[RefusalCause.AclRegister]);
    }
}
