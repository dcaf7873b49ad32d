namespace RSerPool.Actors.Kernel.Dispatch;

/// <summary>The production dispatcher: queues mailboxes on the .NET thread pool without allocating.</summary>
public sealed class ThreadPoolDispatcher(bool preferLocal = false) : MessageDispatcher
{
    /// <summary>A shared instance with <c>preferLocal: false</c>.</summary>
    public static ThreadPoolDispatcher Default { get; } = new();

    /// <summary>Whether mailboxes are queued on the current worker's local queue.</summary>
    public bool PreferLocal { get; } = preferLocal;

    public override void Schedule(IThreadPoolWorkItem work) => ThreadPool.UnsafeQueueUserWorkItem(work, PreferLocal);
}
