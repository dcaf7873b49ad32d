// Builders of ASAP messages for the registrar specs (RFC 5352 §2.2).
using System.Net;
using RSerPool.Wire.Parameters;

namespace RSerPool.Actors.Tests.Registrar.Support;

internal static class Asap
{
    public const int LifeMs = 90_000;

    public static readonly PoolHandle EchoPool = PoolHandle.FromString("EchoPool");

    public static readonly PoolHandle OtherPool = PoolHandle.FromString("OtherPool");

    public static TcpTransport Tcp(ushort port) => new(port, TransportUse.DataOnly, [IPAddress.Parse("10.0.0.1")]);

    public static PoolElement Pe(uint id, PoolMemberSelectionPolicy? policy = null, int lifeMs = LifeMs, ushort port = 7000) =>
        new(id, 0, lifeMs, Tcp(port), policy ?? PoolMemberSelectionPolicy.RoundRobin());

    /// <summary>A registration of PE <paramref name="id"/> at 127.0.0.1: what a PE on a loopback connection may register (docs/protocol-notes.md §6).</summary>
    public static RSerPool.Wire.Messages.Asap.AsapRegistration LoopbackRegistration(uint id) =>
        new(EchoPool, Pe(id) with { UserTransport = new TcpTransport(7000, TransportUse.DataOnly, [IPAddress.Loopback]) });

    public static RSerPool.Wire.Messages.Asap.AsapRegistration Registration(uint id, PoolMemberSelectionPolicy? policy = null, PoolHandle? handle = null, int lifeMs = LifeMs) =>
        new(handle ?? EchoPool, Pe(id, policy, lifeMs));
}
