using System.Net;

namespace RSerPool.Actors.Registrar;

/// <summary>
/// Told to the registrar's observer once the ASAP listener (and the ENRP one, when ENRP is on) is bound; the
/// endpoints have the real ports.
/// </summary>
public sealed record RegistrarStarted(uint ServerId, IPEndPoint AsapEndPoint, IPEndPoint? EnrpEndPoint = null);
