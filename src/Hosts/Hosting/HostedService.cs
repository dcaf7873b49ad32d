using Akka.Actor;

namespace RSerPool.Hosts.Hosting;

/// <summary>
/// What a host's start function hands to <see cref="ServiceHost"/>: the main actor whose end ends the host, and what to
/// do on a clean stop before the actor system terminates (a PE deregisters, RFC 5352 §3.3).
/// </summary>
public sealed record HostedService(IActorRef Main, Func<Task>? StopAsync = null);
