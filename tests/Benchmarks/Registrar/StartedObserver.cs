using Akka.Actor;
using RSerPool.Actors.Registrar;

namespace RSerPool.Benchmarks.Registrar;

/// <summary>Completes a task with the registrar's <see cref="RegistrarStarted"/> (the bound ASAP port).</summary>
public sealed class StartedObserver : ReceiveActor
{
    public StartedObserver(TaskCompletionSource<RegistrarStarted> started)
    {
        Receive<RegistrarStarted>(message => started.TrySetResult(message));
        Receive<RegistrarStartFailed>(failed => started.TrySetException(new InvalidOperationException(failed.Reason)));
    }
}
