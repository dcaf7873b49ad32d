using RSerPool.Actors.Kernel;

namespace RSerPool.Actors.Tests.Kernel.Support;

/// <summary>Accepts and ignores every message.</summary>
public sealed class BlackHoleActor : ActorBase
{
    protected override bool Receive(object message) => true;
}
