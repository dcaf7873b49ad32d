using Akka.Actor;

namespace RSerPool.Hosts.Hosting;

/// <summary>Completes a task with the first message it receives (e.g. RegistrarStarted or RegistrarStartFailed).</summary>
public sealed class StartupObserverActor : ReceiveActor
{
    public StartupObserverActor(TaskCompletionSource<object> outcome)
    {
        ReceiveAny(message => outcome.TrySetResult(message));
    }

    public static Props Props(TaskCompletionSource<object> outcome) =>
        Akka.Actor.Props.Create(() => new StartupObserverActor(outcome));
}
