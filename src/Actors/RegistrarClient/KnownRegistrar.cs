using System.Net;

namespace RSerPool.Actors.RegistrarClient;

/// <summary>An entry of the registrar table (docs/protocol-notes.md §8): static entries never expire.</summary>
public sealed record KnownRegistrar(IPEndPoint EndPoint, uint ServerId, bool IsStatic, DateTimeOffset ExpiresAt);
