using System.Net;
using RSerPool.Wire.Parameters;
using RSerPool.Actors.Session;

namespace RSerPool.Actors.Api;

/// <summary>How <see cref="RSerPoolExtension.RegisterActorAsync"/> serves and registers an application actor as a PE.</summary>
public sealed record PoolElementActorOptions
{
    /// <summary>Defaults: any address, any free port, round robin.</summary>
    public static PoolElementActorOptions Default { get; } = new();

    /// <summary>
    /// Where the PE's user transport (TCP, services draft §3.3) listens. Default 0.0.0.0:0: any free port, registered
    /// with the address the node reaches its registrar from.
    /// </summary>
    public IPEndPoint Endpoint { get; init; } = new(IPAddress.Any, 0);

    /// <summary>The pool member selection policy (RFC 5356). Default round robin.</summary>
    public PoolMemberSelectionPolicy Policy { get; init; } = PoolMemberSelectionPolicy.RoundRobin();

    /// <summary>The PE identifier; 0 = random (RFC 5352 §2.2.1).</summary>
    public uint Identifier { get; init; }

    /// <summary>Limits and timers of the PE's sessions.</summary>
    public PoolElementServerOptions Server { get; init; } = PoolElementServerOptions.Default;
}
