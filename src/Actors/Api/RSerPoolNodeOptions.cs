// Options of an application's RSerPool node (issue 5 "The C# API"; rsp_initialize of the sockets API draft).
using Akka.Actor;
using Akka.Configuration;
using RSerPool.Actors.Cluster;
using RSerPool.Actors.Time;
using RSerPool.Actors.PoolElements;
using RSerPool.Actors.PoolUser;
using RSerPool.Actors.RegistrarClient;

namespace RSerPool.Actors.Api;

/// <summary>Typed options of <see cref="RSerPoolNode"/>; hosts fill them from hocon <c>rserpool.pe.*</c>/<c>rserpool.pu.*</c>.</summary>
public sealed record RSerPoolNodeOptions
{
    /// <summary>Registrar discovery (static list, announce listen endpoint) and request timers. Default: no registrar known.</summary>
    public RegistrarClientSettings RegistrarClient { get; init; } = RegistrarClientSettings.Default;

    /// <summary>
    /// Registrars from the Akka cluster when the actor system is a cluster node (docs/cluster.md): the registrar client
    /// hunts the cluster's reachable registrars, nearest first, ahead of any static or announced one.
    /// </summary>
    public ClusterRegistrarSettings ClusterRegistrars { get; init; } = ClusterRegistrarSettings.Default;

    /// <summary>PU cache, Handle Resolution items and unreachable-report limits.</summary>
    public PoolUserSettings PoolUser { get; init; } = PoolUserSettings.Default;

    /// <summary>
    /// HOCON of the actor system the node creates (loggers, log level, dispatcher), on top of Akka's defaults. Ignored
    /// when <see cref="System"/> is given. Default: null (Akka's defaults).
    /// </summary>
    public Config? SystemConfig { get; init; }

    /// <summary>Clock of the created system (<see cref="TimeProviderSetup"/>); null = <see cref="System.TimeProvider.System"/>.</summary>
    public TimeProvider? TimeProvider { get; init; }

    /// <summary>An existing system to host the node in (it is not terminated on dispose); null = create one.</summary>
    public ActorSystem? System { get; init; }

    /// <summary>Name of the created actor system. Default "rserpool".</summary>
    public string SystemName { get; init; } = "rserpool";

    /// <summary>Name of the node's top actor (unique per system). Default "rserpool-node".</summary>
    public string NodeName { get; init; } = "rserpool-node";

    /// <summary>Longest wait of a basic-mode call (resolution, selection, pool info). Default 10 s.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Longest wait of <see cref="RSerPoolNode.RegisterAsync"/> for the first accepted registration. Default 30 s.</summary>
    public TimeSpan RegistrationTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest wait for a deregistration answer on <see cref="PoolElementRegistration.DeregisterAsync"/> and dispose. Default 5 s.</summary>
    public TimeSpan DeregistrationTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How the registrar client connects; null = TCP (docs/protocol-notes.md §2). For tests and other transports.</summary>
    public IRegistrarConnector? Connector { get; init; }
}
