using System.Net;

namespace RSerPool.Actors.RegistrarClient;

/// <summary>Internal: the announce listener's socket is bound (the real port when 0 was asked for).</summary>
internal sealed record AnnounceListenerBound(IPEndPoint EndPoint);
