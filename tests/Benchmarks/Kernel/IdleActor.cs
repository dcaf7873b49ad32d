using RSerPool.Actors.Kernel;

namespace RSerPool.Benchmarks.Kernel;

/// <summary>An actor that does nothing, for the idle-footprint harness.</summary>
public sealed class IdleActor : UntypedActor
{
    protected override void OnReceive(object message)
    {
    }
}
