using System.Net;

namespace RSerPool.Actors.RegistrarClient;

/// <summary>A registrar announced itself (asap.md §4.7): its server ID and the ASAP endpoint to connect to.</summary>
public sealed record ServerAnnounceReceived(uint ServerId, IPEndPoint AsapEndPoint);
