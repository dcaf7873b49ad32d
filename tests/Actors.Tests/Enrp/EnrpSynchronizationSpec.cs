// Mentor download (RFC 5353 §3.2, §3.6.3), paged Handle Table Responses (RFC 5353 §2.3), peer lists (RFC 5353 §3.2.2.2) and audit (RFC 5353 §3.6).
using RSerPool.Actors.Enrp;
using RSerPool.Actors.Tests.Enrp.Support;
using RSerPool.Actors.Transport;
using RSerPool.Wire.Codec;
using RSerPool.Wire.Messages.Enrp;
using Xunit;

namespace RSerPool.Actors.Tests.Enrp;

public sealed class EnrpSynchronizationSpec : EnrpSpecBase
{
    private const uint IdA = 0xa0000001;
    private const uint IdB = 0xb0000002;
    private const uint IdD = 0xd0000004;

    [Fact]
    public void A_late_registrar_downloads_the_whole_handlespace_from_its_mentor_in_pages()
    {
        const int count = 300;
        const int maxBytes = 1400;
        var a = StartRegistrar(IdA, 1, [], new EnrpSettings { MaxHandleTableResponseBytes = maxBytes });
        var b = StartRegistrar(IdB, 2, [1]);
        Settle();
        var atA = Connect(a);
        var atB = Connect(b);
        for (uint id = 1; id <= count; id++)
        {
            Register(id % 3 == 0 ? b : a, id % 3 == 0 ? atB : atA, id);
        }

        Network.Delivered.Clear();
        var d = StartRegistrar(IdD, 4, [1]);
        Advance(TimeSpan.FromMilliseconds(10));   // far below the mentor-discovery time: the download ended the startup

        var status = Status(d);
        Assert.False(status.InStartup);
        Assert.Equal(IdA, status.MentorId);
        var owners = Owners(d);
        Assert.Equal(Enumerable.Range(1, count).Select(i => (uint)i).ToArray(), owners.Keys.Order().ToArray());
        Assert.Equal(128, Resolve(d).Length);
        Assert.Equal(count / 3, owners.Values.Count(owner => owner == IdB));

        // The download came from A in parts, each under its limit, all but the last with M=1.
        var parts = Network.Delivered.OfType<EnrpHandleTableResponse>().Where(r => r.SenderServerId == IdA && r.ReceiverServerId == IdD).ToList();
        Assert.True(parts.Count >= 3, $"{parts.Count} parts");
        Assert.True(parts.All(part => EnrpEncoder.GetEncodedLength(part) <= maxBytes), "a part over the limit");
        Assert.True(parts.SkipLast(1).All(part => part.MoreToSend), "a part before the last without M");
        Assert.False(parts[^1].MoreToSend);
        Assert.Equal(count, parts.Sum(part => part.Entries.Sum(entry => entry.PoolElements.Count)));

        // D learnt B from A's peer list, and B's Presence checksums match D's copies: no audit needed.
        Advance(TimeSpan.FromSeconds(1));
        Assert.Contains(Status(d).Peers, peer => peer.ServerId == IdB && peer.State == EnrpPeerState.InService);
    }

    [Fact]
    public void A_registrar_without_peers_ends_its_startup_after_the_mentor_discovery_time()
    {
        var a = StartRegistrar(IdA, 1, []);
        Advance(TimeSpan.FromMilliseconds(990));
        Assert.True(Status(a).InStartup);
        Advance(TimeSpan.FromMilliseconds(20));
        Assert.False(Status(a).InStartup);
        Assert.Equal(0u, Status(a).MentorId);
    }

    [Fact]
    public void The_audit_adds_a_missing_copy_within_one_presence_cycle()
    {
        var a = StartRegistrar(IdA, 1, [2]);
        var b = StartRegistrar(IdB, 2, [1]);
        Settle();
        Network.Drop = m => m is EnrpHandleUpdate { PoolElement.Identifier: 0x102, ReceiverServerId: IdB };
        var pe = Connect(a);
        Register(a, pe, 0x101);
        Register(a, pe, 0x102);
        Assert.Equal([0x101u], Resolve(b));

        Network.Delivered.Clear();
        Advance(TimeSpan.FromMilliseconds(290));   // one heartbeat cycle at most (250 ms + 12.5 %)
        Assert.Equal([0x101u, 0x102u], Resolve(b));
        Assert.Contains(Network.Delivered, m => m is EnrpHandleTableRequest { OwnChildrenOnly: true, SenderServerId: IdB });
    }

    [Fact]
    public void The_audit_removes_a_stale_copy_within_one_presence_cycle()
    {
        var a = StartRegistrar(IdA, 1, [2]);
        var b = StartRegistrar(IdB, 2, [1]);
        Settle();
        var pe = Connect(a);
        Register(a, pe, 0x101);
        Register(a, pe, 0x102);
        Assert.Equal([0x101u, 0x102u], Resolve(b));

        Network.Drop = m => m is EnrpHandleUpdate { Action: HandleUpdateAction.DeletePoolElement };
        Deregister(a, pe, 0x101);
        Assert.Equal([0x101u, 0x102u], Resolve(b));
        Advance(TimeSpan.FromMilliseconds(290));
        Assert.Equal([0x102u], Resolve(b));
        Assert.Equal(Snapshot(a).OwnerChecksums[IdA], Snapshot(b).OwnerChecksums[IdA]);
    }

    [Fact]
    public void A_handle_table_request_from_an_unknown_registrar_is_rejected()
    {
        StartRegistrar(IdA, 1, []);
        var enrp = Network.HandlerAt(EnrpEndPoint(1))!;
        var stranger = CreateTestProbe("stranger");
        stranger.Send(enrp, new AssociationReceived<EnrpMessage>(new EnrpHandleTableRequest(0x0f0f0f0f, IdA)));
        var sent = stranger.ExpectMsg<AssociationSend<EnrpMessage>>();
        var response = Assert.IsType<EnrpHandleTableResponse>(sent.Message);
        Assert.True(response.Rejected);
        Assert.True(response.Entries.IsEmpty);
    }

    [Fact]
    public void A_peer_is_Synchronizing_while_its_table_is_downloaded_and_InService_after()
    {
        var a = StartRegistrar(IdA, 1, [2]);
        var b = StartRegistrar(IdB, 2, [1]);
        Settle();
        Assert.Equal(EnrpPeerState.InService, Status(b).Peers.Single().State);

        Network.Drop = m => m is EnrpHandleUpdate or EnrpHandleTableResponse;
        Register(a, Connect(a), 0x101);
        Advance(TimeSpan.FromMilliseconds(290));   // A's next Presence shows the mismatch: B audits, the answer is lost
        Assert.Equal(EnrpPeerState.Synchronizing, Status(b).Peers.Single().State);
        Assert.Empty(Resolve(b));

        // The lost answer stalls the audit; after MAX-TIME-LAST-HEARD a Presence starts it again and it completes.
        Network.Drop = _ => false;
        Advance(TimeSpan.FromMilliseconds(1100));
        Assert.Equal([0x101u], Resolve(b));
        Assert.Equal(EnrpPeerState.InService, Status(b).Peers.Single().State);
    }
}
