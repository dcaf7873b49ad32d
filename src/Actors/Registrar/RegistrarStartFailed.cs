using System.Net;

namespace RSerPool.Actors.Registrar;

/// <summary>Told to the registrar's observer when the ASAP endpoint cannot be bound; the registrar then stops.</summary>
public sealed record RegistrarStartFailed(IPEndPoint AsapEndPoint, string Reason) : IRSerPoolMessage;
