using RSerPool.Actors.Kernel.Dispatch;

namespace RSerPool.Actors.Kernel;

/// <summary>Stop an actor and learn when it has terminated (Akka.NET's <c>GracefulStop</c>).</summary>
public static class GracefulStopSupport
{
    /// <summary>Sends <see cref="PoisonPill"/>; the task is true once the target terminated, false if it did not within <paramref name="timeout"/>.</summary>
    public static Task<bool> GracefulStop(this IActorRef target, TimeSpan timeout) => GracefulStop(target, timeout, PoisonPill.Instance);

    /// <summary>Sends <paramref name="stopMessage"/>; the task is true once the target terminated, false on timeout (kernel clock).</summary>
    public static Task<bool> GracefulStop(this IActorRef target, TimeSpan timeout, object stopMessage)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(stopMessage);
        if (target is not LocalActorRef local)
            return Task.FromResult(true);
        var system = local.Cell.System;
        var watcher = new StopWatcher(system.NextTempPath());
        watcher.Start(timeout, system.Clock);
        local.SendSystemMessage(new Watch(local, watcher));
        local.Tell(stopMessage, ActorRefs.NoSender);
        return watcher.Task;
    }
}
