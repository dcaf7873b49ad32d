namespace RSerPool.Actors.Tests.Kernel.Support;

/// <summary>Lifecycle events a <see cref="LifecycleActor"/> reports to its probe.</summary>
public sealed record Lifecycle(string Id, string Hook, int Instance, string? Detail = null);
