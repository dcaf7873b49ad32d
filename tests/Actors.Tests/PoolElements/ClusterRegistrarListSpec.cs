using System.Net;
using Akka.Actor;
using RSerPool.Actors.Cluster;
using RSerPool.Actors.RegistrarClient;
using RSerPool.Actors.Transport;
using RSerPool.Wire.Messages.Asap;
using Xunit;

namespace RSerPool.Actors.Tests.PoolElements;

/// <summary>
/// The registrar client with registrars from the cluster (docs/cluster.md "PEs and pool users find registrars through
/// the cluster"): the cluster's list, best first, leads the hunt; the registrar in use is left when the list no longer
/// has it (its node left the cluster or is unreachable), and kept when the list only changes order.
/// </summary>
public sealed class ClusterRegistrarListSpec : PoolElementSpecBase
{
    private static readonly IPEndPoint RegistrarC = new(IPAddress.Loopback, 3865);

    private static ClusterRegistrarsUpdated Listed(params (IPEndPoint EndPoint, uint ServerId)[] registrars) =>
        new([.. registrars.Select(r => new ClusterRegistrarCandidate(r.EndPoint, r.ServerId, SameHost: true, RoundTrip: null, Load: null))]);

    [Fact]
    public void A_client_without_registrars_hunts_as_soon_as_the_cluster_lists_one_best_first()
    {
        StartClient(ClientSettings with { StaticRegistrars = [] });
        Connects.ExpectNoMsg();

        Client.Tell(Listed((RegistrarB, ServerB), (RegistrarA, ServerA)), ActorRefs.NoSender);

        Open(RegistrarB, "b");
        Client.Tell(GetRegistrarClientState.Instance, TestActor);
        var state = ExpectMsg<RegistrarClientState>();
        Assert.Equal(RegistrarB, state.CurrentRegistrar);
        Assert.Equal(ServerB, state.CurrentServerId);
        Assert.Equal([RegistrarB, RegistrarA], state.KnownRegistrars.Select(k => k.EndPoint));
        Assert.All(state.KnownRegistrars, k => Assert.True(k.FromCluster));
    }

    [Fact]
    public void The_pe_moves_to_the_next_registrar_when_its_registrar_leaves_the_cluster()
    {
        StartClient(ClientSettings with { StaticRegistrars = [] });
        Client.Tell(Listed((RegistrarA, ServerA), (RegistrarB, ServerB)), ActorRefs.NoSender);
        var a = Open(RegistrarA, "a");
        StartPe();
        AcceptRegistration(a);

        Client.Tell(Listed((RegistrarB, ServerB)), ActorRefs.NoSender);

        a.ExpectMsg<CloseAssociation>();
        ExpectStatus(RSerPool.Actors.PoolElements.PoolElementStatus.Moving);
        var b = Open(RegistrarB, "b");
        AcceptRegistration(b);
    }

    [Fact]
    public void A_new_order_does_not_move_a_working_registration_but_leads_the_next_hunt()
    {
        StartClient(ClientSettings with { StaticRegistrars = [] });
        Client.Tell(Listed((RegistrarA, ServerA), (RegistrarB, ServerB)), ActorRefs.NoSender);
        var a = Open(RegistrarA, "a");
        StartPe();
        AcceptRegistration(a);

        Client.Tell(Listed((RegistrarC, 0x0c), (RegistrarB, ServerB), (RegistrarA, ServerA)), ActorRefs.NoSender);
        a.ExpectNoMsg();
        Connects.ExpectNoMsg();

        Sys.Stop(a.Ref);   // the association breaks: the hunt starts at the best of the new order
        Open(RegistrarC, "c");
    }

    [Fact]
    public void A_static_registrar_stays_known_after_the_cluster_no_longer_lists_it()
    {
        StartClient(ClientSettings with { StaticRegistrars = [RegistrarA] });
        var a = Open(RegistrarA, "a");
        Client.Tell(Listed((RegistrarB, ServerB), (RegistrarA, ServerA)), ActorRefs.NoSender);
        Client.Tell(Listed((RegistrarB, ServerB)), ActorRefs.NoSender);

        a.ExpectMsg<CloseAssociation>();   // it left the cluster: the client moves, to B first
        Open(RegistrarB, "b");
        Client.Tell(GetRegistrarClientState.Instance, TestActor);
        var known = ExpectMsg<RegistrarClientState>().KnownRegistrars;
        Assert.Equal([RegistrarB, RegistrarA], known.Select(k => k.EndPoint));
        Assert.True(known[1].IsStatic);
        Assert.False(known[1].FromCluster);
    }

    [Fact]
    public void An_emptied_list_leaves_the_registrar_and_a_failed_round_restarts_when_one_comes_back()
    {
        StartClient(ClientSettings with { StaticRegistrars = [] });
        Client.Tell(Listed((RegistrarA, ServerA)), ActorRefs.NoSender);
        var a = Open(RegistrarA, "a");
        Client.Tell(Listed(), ActorRefs.NoSender);
        a.ExpectMsg<CloseAssociation>();
        Connects.ExpectNoMsg();

        Client.Tell(Listed((RegistrarB, ServerB)), ActorRefs.NoSender);
        var request = Connects.ExpectMsg<ConnectRegistrar>();
        Assert.Equal(RegistrarB, request.Registrar);
        Client.Tell(new RegistrarConnectFailed(request.Attempt, "refused"), ActorRefs.NoSender);
        Connects.ExpectNoMsg();   // the round failed: the next waits for the retry delay ...
        Client.Tell(Listed((RegistrarC, 0x0c), (RegistrarB, ServerB)), ActorRefs.NoSender);
        Assert.Equal(RegistrarC, Connects.ExpectMsg<ConnectRegistrar>().Registrar);   // ... unless a new registrar comes
    }
}
