using System.Net;

namespace RSerPool.Actors.RegistrarClient;

/// <summary>An entry of the registrar table (asap.md §4.1 step 1): static entries never expire.</summary>
public sealed record KnownRegistrar(IPEndPoint EndPoint, uint ServerId, bool IsStatic, DateTimeOffset ExpiresAt);
