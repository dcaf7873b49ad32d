// Issue 17: rserpool.acl on ENRP (docs/security.md): a peer's PEs are taken only in pools its identity may register in,
// so a compromised registrar cannot inject PEs into other pools (RFC 5355 §2.5, §2.6).
using RSerPool.Actors.Enrp;
using RSerPool.Actors.Registrar;
using RSerPool.Actors.Security;
using RSerPool.Actors.Tests.Enrp.Support;
using RSerPool.Actors.Transport;
using RSerPool.Wire.Messages.Enrp;
using RSerPool.Wire.Parameters;
using Xunit;

namespace RSerPool.Actors.Tests.Enrp;

public sealed class EnrpAccessControlSpec : EnrpSpecBase
{
    private const uint IdA = 0xa0000001;
    private const uint IdB = 0xb0000002;
    private static readonly PoolHandle PoolA = PoolHandle.FromString("A-pool");
    private static readonly PoolHandle PoolB = PoolHandle.FromString("B-pool");

    // At B: registrar-a may only have PEs in A-pools; plaintext clients (the probes) may resolve everything.
    private static readonly AccessControl AclOfB = new(
    [
        new AccessRule("registrar-a", register: ["A*"], resolve: []),
        new AccessRule(AccessRule.Anonymous, register: [], resolve: ["*"]),
    ]);

    public EnrpAccessControlSpec()
    {
        Network.Identities[EnrpEndPoint(1)] = new AssociationIdentity("registrar-a", ["registrar-a.example.net"]);
        Network.Identities[EnrpEndPoint(2)] = new AssociationIdentity("registrar-b", []);
    }

    [Fact]
    public void A_handle_update_from_a_peer_limited_to_pool_A_cannot_add_a_pe_to_pool_B()
    {
        var a = StartRegistrar(IdA, 1, [2]);
        var b = StartRegistrar(IdB, 2, [1], acl: AclOfB);
        Settle();
        var pe = Connect(a);

        Register(a, pe, 0x101, handle: PoolA);
        Register(a, pe, 0x102, handle: PoolB);
        Settle();

        Assert.Contains(Network.Delivered, m => m is EnrpHandleUpdate { PoolHandle: var h, PoolElement.Identifier: 0x102 } && h == PoolB);
        Assert.Equal([0x101u], Resolve(b, PoolA));
        Assert.Empty(Resolve(b, PoolB));
        Assert.Equal([0x102u], Resolve(a, PoolB));   // A itself is open
        Assert.True(Snapshot(b).Refusals[RefusalCause.AclEnrpUpdate] >= 1);
    }

    [Fact]
    public void A_handle_table_response_from_the_mentor_is_applied_only_in_the_pools_its_identity_may_register_in()
    {
        var a = StartRegistrar(IdA, 1, [2]);
        var pe = Connect(a);
        Register(a, pe, 0x101, handle: PoolA);
        Register(a, pe, 0x102, handle: PoolB);
        Register(a, pe, 0x103, handle: PoolB);

        var b = StartRegistrar(IdB, 2, [1], acl: AclOfB);   // downloads A's handlespace (RFC 5353 §3.6.3)
        Settle();

        Assert.Contains(Network.Delivered, m => m is EnrpHandleTableResponse { SenderServerId: IdA, Entries.Count: > 0 });
        Assert.DoesNotContain(Network.Delivered, m => m is EnrpHandleUpdate { SenderServerId: IdA });
        Assert.Equal([0x101u], Resolve(b, PoolA));
        Assert.Empty(Resolve(b, PoolB));
        Assert.Equal([0x101u], Owners(b).Keys.ToArray());
        Assert.True(Snapshot(b).Refusals[RefusalCause.AclEnrpUpdate] >= 1);
    }

    [Fact]
    public void Refused_pes_lead_to_one_audit_and_not_to_one_per_heartbeat()
    {
        var a = StartRegistrar(IdA, 1, [2]);
        var b = StartRegistrar(IdB, 2, [1], acl: AclOfB);
        Settle();
        Register(a, Connect(a), 0x102, handle: PoolB);   // A's checksum now counts a PE that B does not take
        Settle();
        int audits = Audits();

        Advance(TimeSpan.FromSeconds(5));   // 20 heartbeat cycles

        Assert.Equal(audits, Audits());
        Assert.Empty(Resolve(b, PoolB));
        Assert.Equal(EnrpPeerState.InService, Assert.Single(Status(b).Peers).State);

        // A real change at A is still audited and applied where allowed.
        Register(a, Connect(a), 0x101, handle: PoolA);
        Settle();
        Assert.Equal([0x101u], Resolve(b, PoolA));
    }

    // B's Handle Table Requests to A for A's own PEs (RFC 5353 §3.6.3 W=1: audits).
    private int Audits() => Network.Delivered.Count(m => m is EnrpHandleTableRequest { SenderServerId: IdB, OwnChildrenOnly: true });

    [Fact]
    public void A_plaintext_peer_injects_nothing_when_rules_are_set()
    {
        Network.Identities.Remove(EnrpEndPoint(1));
        var a = StartRegistrar(IdA, 1, [2]);
        var b = StartRegistrar(IdB, 2, [1], acl: AclOfB);
        Settle();

        Register(a, Connect(a), 0x101, handle: PoolA);
        Settle();

        Assert.Equal([0x101u], Resolve(a, PoolA));
        Assert.Empty(Resolve(b, PoolA));
        Assert.Equal(EnrpPeerState.InService, Assert.Single(Status(b).Peers).State);   // still a peer: it only cannot add PEs
    }
}
