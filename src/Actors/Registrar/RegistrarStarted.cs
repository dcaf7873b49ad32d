using System.Net;

namespace RSerPool.Actors.Registrar;

/// <summary>Told to the registrar's observer once the ASAP listener is bound; <paramref name="AsapEndPoint"/> has the real port.</summary>
public sealed record RegistrarStarted(uint ServerId, IPEndPoint AsapEndPoint);
