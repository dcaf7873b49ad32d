using System.Net;

namespace RSerPool.Actors.Registrar;

/// <summary>
/// Told to the registrar's observer once the ASAP listener (and the ENRP one, when ENRP is on) is bound; the
/// endpoints have the real ports.
/// </summary>
/// <param name="EnrpTransports">Transports ENRP is served over ("tcp", "sctp"); empty without ENRP.</param>
public sealed record RegistrarStarted(uint ServerId, IPEndPoint AsapEndPoint, IPEndPoint? EnrpEndPoint = null, IReadOnlyList<string>? EnrpTransports = null) : IRSerPoolMessage
{
    /// <summary>Where ASAP is served over SCTP too (null: not asked for, no kernel SCTP, or its bind failed).</summary>
    public IPEndPoint? AsapSctpEndPoint { get; init; }
}
