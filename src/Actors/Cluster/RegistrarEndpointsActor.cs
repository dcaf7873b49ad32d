using Akka.Actor;
using RSerPool.Actors.Registrar;

namespace RSerPool.Actors.Cluster;

/// <summary>
/// Runs on every registrar node in cluster mode at <see cref="Path"/> (name <see cref="Name"/> under /user) and
/// answers <see cref="GetRegistrarEndpoints"/> with this registrar's <see cref="RegistrarEndpoints"/>, so that
/// <see cref="RegistrarDirectoryActor"/>s anywhere in the cluster learn where it serves ASAP and ENRP.
/// </summary>
public sealed class RegistrarEndpointsActor : ReceiveActor
{
    /// <summary>The actor's name under /user.</summary>
    public const string Name = "rserpool-cluster-registrar";

    /// <summary>The actor's path on every registrar node.</summary>
    public const string Path = "/user/" + Name;

    /// <summary>Longest wait for the registrar's load; past it the endpoints are told without it.</summary>
    private static readonly TimeSpan LoadTimeout = TimeSpan.FromSeconds(1);

    public RegistrarEndpointsActor(RegistrarEndpoints endpoints, IActorRef? registrar = null) =>
        Receive<GetRegistrarEndpoints>(_ =>
        {
            if (registrar is null)
            {
                Sender.Tell(endpoints, Self);
                return;
            }

            // With the registrar's current load (its ASAP associations), which PE/PU processes rank registrars by.
            IActorRef asker = Sender;
            registrar.Ask<RegistrarLoad>(GetRegistrarLoad.Instance, LoadTimeout).PipeTo(asker, Self,
                load => endpoints with { AsapAssociations = load.AsapAssociations },
                _ => endpoints);
        });

    /// <param name="endpoints">What this node's registrar serves.</param>
    /// <param name="registrar">The registrar, asked for its load on every request; null = endpoints only.</param>
    public static Props Props(RegistrarEndpoints endpoints, IActorRef? registrar = null) =>
        Akka.Actor.Props.Create(() => new RegistrarEndpointsActor(endpoints, registrar));
}
