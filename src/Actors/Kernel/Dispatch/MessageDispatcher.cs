namespace RSerPool.Actors.Kernel.Dispatch;

/// <summary>Runs mailboxes: each mailbox is an <see cref="IThreadPoolWorkItem"/> scheduled at most once at a time (actor-kernel.md §2.2).</summary>
public abstract class MessageDispatcher
{
    /// <summary>Queues <paramref name="work"/> for execution; must not allocate on the hot path.</summary>
    public abstract void Schedule(IThreadPoolWorkItem work);
}
