namespace RSerPool.Actors.Tests.Kernel.Support;

/// <summary>Makes a <see cref="LifecycleActor"/> throw <paramref name="Cause"/>.</summary>
public sealed record Fail(Exception Cause);
