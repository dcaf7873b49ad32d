using Akka.Actor;

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

    public RegistrarEndpointsActor(RegistrarEndpoints endpoints) =>
        Receive<GetRegistrarEndpoints>(_ => Sender.Tell(endpoints, Self));

    public static Props Props(RegistrarEndpoints endpoints) => Akka.Actor.Props.Create(() => new RegistrarEndpointsActor(endpoints));
}
