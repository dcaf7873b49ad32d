namespace RSerPool.Actors.Api;

/// <summary>Akka.Hosting registry key of the registrar started by <see cref="RSerPoolHostingExtensions.WithRSerPoolRegistrar"/>.</summary>
public sealed class RSerPoolRegistrarKey;
