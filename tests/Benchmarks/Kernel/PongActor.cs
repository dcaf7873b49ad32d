using RSerPool.Actors.Kernel;

namespace RSerPool.Benchmarks.Kernel;

/// <summary>Returns every message to its sender.</summary>
public sealed class PongActor : UntypedActor
{
    protected override void OnReceive(object message) => Sender.Tell(message, Self);
}
