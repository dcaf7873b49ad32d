using System.Net;

namespace RSerPool.Actors.Transport;

/// <summary>Told to the handler when a listener cannot bind its endpoint; the listener stops.</summary>
public sealed record BindFailed(IPEndPoint EndPoint, string Reason);
