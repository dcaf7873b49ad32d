// Actor tree of an application process: rserpool-node ├── registrar-client ── association, ├── resolver, ├── pe-<handle>-<id>,
// ├── cluster-registrars ── registrar-directory (cluster nodes only, docs/cluster.md).
using Akka.Actor;
using Akka.Cluster;
using RSerPool.Actors.Cluster;
using RSerPool.Actors.PoolElements;
using RSerPool.Actors.PoolUser;
using RSerPool.Actors.RegistrarClient;

namespace RSerPool.Actors.Api;

/// <summary>The node's top actor: parent of the shared registrar client, the PU resolver and every PE of the process.</summary>
internal sealed class RSerPoolNodeActor : ReceiveActor
{
    public RSerPoolNodeActor(RSerPoolNodeOptions options)
    {
        IActorRef client = Context.ActorOf(RegistrarClientActor.Props(options.RegistrarClient, options.Connector), "registrar-client");
        IActorRef resolver = Context.ActorOf(PoolUserResolverActor.Props(options.PoolUser, client), "resolver");
        if (options.ClusterRegistrars.Enabled && Context.System is ExtendedActorSystem { Provider: IClusterActorRefProvider })
        {
            // docs/cluster.md: on a cluster node the registrars come from the cluster (registrar role).
            bool sctp = (options.Connector ?? TcpRegistrarConnector.Instance).UsesSctp;
            Context.ActorOf(ClusterRegistrarFeedActor.Props(options.ClusterRegistrars, client, sctp), "cluster-registrars");
        }

        var parts = new NodeParts(client, resolver);

        Receive<GetNodeParts>(_ => Sender.Tell(parts, Self));
        Receive<CreatePoolElement>(create =>
        {
            PoolElementSettings settings = create.Settings;
            string name = PoolElementActor.ActorName(settings.PoolHandle, settings.Identifier);
            if (!Context.Child(name).Equals(ActorRefs.Nobody))
            {
                Sender.Tell(new Status.Failure(new RSerPoolException($"PE 0x{settings.Identifier:x8} is already registered in pool {settings.PoolHandle}")), Self);
                return;
            }

            Sender.Tell(Context.ActorOf(PoolElementActor.Props(settings, client), name), Self);
        });
    }

    public static Props Props(RSerPoolNodeOptions options) => Akka.Actor.Props.Create(() => new RSerPoolNodeActor(options));

    // A failing PE or resolver is restarted; the registrar client keeps its own children stopping on failure.
    protected override SupervisorStrategy SupervisorStrategy() => Akka.Actor.SupervisorStrategy.DefaultStrategy;
}
