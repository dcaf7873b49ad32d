using RSerPool.Actors.Kernel.Dispatch;

namespace RSerPool.Actors.Kernel;

/// <summary>
/// A temporary ref that completes a task with the first reply (actor-kernel.md §7). The dead-letter path fails it at once
/// when its target is already terminated; a timeout on the kernel clock fails it with <see cref="AskTimeoutException"/>.
/// </summary>
internal abstract class PromiseActorRef(ActorPath path) : InternalActorRef(path, 0)
{
    public abstract void FailRecipientTerminated(IActorRef recipient);
}
