using System.Net;

namespace RSerPool.Actors.RegistrarClient;

/// <summary>A registrar announced itself (docs/protocol-notes.md §7): its server ID and the ASAP endpoint to connect to.</summary>
public sealed record ServerAnnounceReceived(uint ServerId, IPEndPoint AsapEndPoint);
