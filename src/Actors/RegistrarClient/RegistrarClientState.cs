using System.Collections.Immutable;
using System.Net;

namespace RSerPool.Actors.RegistrarClient;

/// <summary>
/// The client's view: the registrar in use (null when hunting), its server ID (0 = unknown), the known registrars,
/// and the bound announce endpoint (null when not listening or not bound yet).
/// </summary>
public sealed record RegistrarClientState(
    IPEndPoint? CurrentRegistrar,
    uint CurrentServerId,
    ImmutableArray<KnownRegistrar> KnownRegistrars,
    IPEndPoint? AnnounceEndPoint) : IRSerPoolMessage
{
    /// <summary>While hunting: why the last attempt at each registrar failed (empty once one answers).</summary>
    public IReadOnlyDictionary<IPEndPoint, string> HuntFailures { get; init; } = new Dictionary<IPEndPoint, string>();

    /// <summary>The transport towards registrars, as people read it: TCP, SCTP, or SCTP then TCP.</summary>
    public string Transport { get; init; } = "TCP";
}
