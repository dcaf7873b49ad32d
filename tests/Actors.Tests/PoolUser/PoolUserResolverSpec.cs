using System.Net;
using Akka.Actor;
using Akka.TestKit;
using RSerPool.TestKit;
using RSerPool.Actors.PoolElements;
using RSerPool.Actors.PoolUser;
using RSerPool.Wire.Errors;
using RSerPool.Wire.Messages.Asap;
using RSerPool.Wire.Parameters;
using Xunit;
using RSerPool.Actors.RegistrarClient;

namespace RSerPool.Actors.Tests.PoolUser;

/// <summary>Basic mode on the manual clock (RFC 5352 §3.3, §3.5; services draft §4.4); a probe plays the registrar client.</summary>
public sealed class PoolUserResolverSpec : VirtualTimeTestKit
{
    private static readonly PoolHandle Pool = PoolHandle.FromString("EchoPool");
    private static readonly TimeSpan Stale = TimeSpan.FromSeconds(30);
    private readonly TestProbe _client;
    private readonly IActorRef _resolver;

    public PoolUserResolverSpec()
    {
        _client = CreateTestProbe("registrar-client");
        _resolver = ActorOf(PoolUserResolverActor.Props(new PoolUserSettings { StaleCacheTime = Stale }, _client.Ref), "resolver");
    }

    private static PoolElement Pe(uint id, uint load = 0) =>
        new(id, 0x0a, 90_000, new TcpTransport((ushort)(7000 + id), TransportUse.DataOnly, [IPAddress.Loopback]), PoolMemberSelectionPolicy.LeastUsed(load));

    private static PoolElement RoundRobinPe(uint id) =>
        new(id, 0x0a, 90_000, new TcpTransport((ushort)(7000 + id), TransportUse.DataOnly, [IPAddress.Loopback]), PoolMemberSelectionPolicy.RoundRobin());

    private void Select(params uint[] excluding) => _resolver.Tell(new SelectPoolElement(Pool, [.. excluding]), TestActor);

    private AsapHandleResolution ExpectResolution()
    {
        var request = _client.ExpectMsg<RegistrarRequest>();
        return Assert.IsType<AsapHandleResolution>(request.Request);
    }

    private void Answer(params PoolElement[] elements) =>
        _resolver.Tell(new RegistrarReply(new AsapHandleResolutionResponse(Pool, elements[0].Policy, [.. elements]), 0x0a, _client.Ref), _client.Ref);

    private uint ExpectSelected() => ExpectMsg<PoolElementSelected>().Element.Identifier;

    [Fact]
    public void Resolves_once_for_concurrent_selections_then_selects_from_the_cache_by_the_pools_policy()
    {
        Select();
        Select();
        var resolution = ExpectResolution();
        Assert.Equal(AsapHandleResolution.AsManyAsPossible, resolution.Items);
        _client.ExpectNoMsg();

        Answer(RoundRobinPe(1), RoundRobinPe(2), RoundRobinPe(3));
        Assert.Equal([1u, 2u], new[] { ExpectSelected(), ExpectSelected() });

        Select();
        Assert.Equal(3u, ExpectSelected());
        Select();
        Assert.Equal(1u, ExpectSelected());
        _client.ExpectNoMsg();
    }

    [Fact]
    public void Least_used_picks_the_least_loaded_cached_pe()
    {
        Select();
        ExpectResolution();
        Answer(Pe(1, load: 900), Pe(2, load: 100), Pe(3, load: 500));
        Assert.Equal(2u, ExpectSelected());
    }

    [Fact]
    public void A_stale_cache_is_refreshed_at_the_registrar()
    {
        Select();
        ExpectResolution();
        Answer(Pe(1));
        Assert.Equal(1u, ExpectSelected());

        Advance(Stale - TimeSpan.FromMilliseconds(1));
        Select();
        Assert.Equal(1u, ExpectSelected());
        _client.ExpectNoMsg();

        Advance(TimeSpan.FromMilliseconds(1));
        Select();
        ExpectResolution();
        Answer(Pe(2));
        Assert.Equal(2u, ExpectSelected());
    }

    [Fact]
    public void Next_server_skips_the_reported_pe_and_the_report_goes_to_the_registrar_once_per_interval()
    {
        Select();
        ExpectResolution();
        Answer(Pe(1, load: 0), Pe(2, load: 10));
        Assert.Equal(1u, ExpectSelected());

        _resolver.Tell(new ReportPoolElementUnreachable(Pool, 1), ActorRefs.NoSender);
        var report = _client.ExpectMsg<RegistrarSend>();
        Assert.Equal(new AsapEndpointUnreachable(Pool, 1), report.Message);
        ExpectResolution();   // one usable PE left: refreshed in the background
        Select(1);
        Assert.Equal(2u, ExpectSelected());

        _resolver.Tell(new ReportPoolElementUnreachable(Pool, 1), ActorRefs.NoSender);
        _client.ExpectNoMsg();
        Advance(TimeSpan.FromSeconds(1));
        _resolver.Tell(new ReportPoolElementUnreachable(Pool, 1), ActorRefs.NoSender);
        _client.ExpectMsg<RegistrarSend>();
    }

    [Fact]
    public void A_report_leaving_fewer_than_two_usable_pes_refreshes_the_pool_so_the_next_failover_is_served_from_the_cache()
    {
        Select();
        ExpectResolution();
        Answer(Pe(1, load: 0), Pe(2, load: 10), Pe(3, load: 20));
        Assert.Equal(1u, ExpectSelected());

        _resolver.Tell(new ReportPoolElementUnreachable(Pool, 1), ActorRefs.NoSender);
        _client.ExpectMsg<RegistrarSend>();
        _client.ExpectNoMsg();                                // two usable PEs left: no refresh
        Select(1);
        Assert.Equal(2u, ExpectSelected());

        _resolver.Tell(new ReportPoolElementUnreachable(Pool, 2), ActorRefs.NoSender);
        _client.ExpectMsg<RegistrarSend>();
        ExpectResolution();                                   // only PE 3 left: refreshed before anyone asks
        _resolver.Tell(new ReportPoolElementUnreachable(Pool, 3), ActorRefs.NoSender);
        _client.ExpectMsg<RegistrarSend>();
        _client.ExpectNoMsg();                                // one refresh in flight per pool
        Answer(Pe(1, load: 0), Pe(4, load: 30), Pe(5, load: 40));

        Select(3);
        Assert.Equal(4u, ExpectSelected());                   // PE 1 is still skipped; no request for this selection
        _client.ExpectNoMsg();
    }

    [Fact]
    public void A_reported_pe_stays_skipped_while_the_registrar_still_returns_it()
    {
        Select();
        ExpectResolution();
        Answer(Pe(1, load: 0));
        Assert.Equal(1u, ExpectSelected());

        _resolver.Tell(new ReportPoolElementUnreachable(Pool, 1), ActorRefs.NoSender);
        _client.ExpectMsg<RegistrarSend>();
        Select();
        ExpectResolution();
        Answer(Pe(1, load: 0), Pe(2, load: 50));
        Assert.Equal(2u, ExpectSelected());

        Select(2);   // nothing left in the cache: the registrar is asked again
        ExpectResolution();
        Answer(Pe(1, load: 0), Pe(2, load: 50));
        Assert.False(ExpectMsg<PoolElementSelectionFailed>().UnknownPoolHandle);
    }

    [Fact]
    public void An_unknown_pool_fails_the_selection_with_unknown_pool_handle()
    {
        Select();
        ExpectResolution();
        var failure = AsapHandleResolutionResponse.Failure(Pool, new OperationError(ErrorCause.WithoutInformation(ErrorCauseCode.UnknownPoolHandle)));
        _resolver.Tell(new RegistrarReply(failure, 0x0a, _client.Ref), _client.Ref);
        Assert.True(ExpectMsg<PoolElementSelectionFailed>().UnknownPoolHandle);
    }

    [Fact]
    public void No_registrar_answer_fails_the_selection()
    {
        Select();
        var request = _client.ExpectMsg<RegistrarRequest>();
        _resolver.Tell(new RegistrarRequestFailed(request.Request, "no response", AssociationLost: false), _client.Ref);
        var failed = ExpectMsg<PoolElementSelectionFailed>();
        Assert.False(failed.UnknownPoolHandle);
        Assert.Contains("no response", failed.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Pool_info_lists_every_pe_with_its_policy_and_load()
    {
        _resolver.Tell(new GetPoolInfo(Pool), TestActor);
        ExpectResolution();
        Answer(Pe(1, load: 7), Pe(2, load: 9));
        var info = ExpectMsg<PoolInfo>();
        Assert.Equal(PolicyType.LeastUsed, info.Policy!.Type);
        Assert.Equal([7u, 9u], info.Elements.Select(e => e.Policy.Load!.Value));
    }
}
