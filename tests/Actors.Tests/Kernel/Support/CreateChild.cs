using RSerPool.Actors.Kernel;

namespace RSerPool.Actors.Tests.Kernel.Support;

/// <summary>Asks a <see cref="LifecycleActor"/> or <see cref="Supervisor"/> to create a child and reply with its ref.</summary>
public sealed record CreateChild(Props Props, string? Name = null);
