using RSerPool.Actors.Kernel.Dispatch;

namespace RSerPool.Actors.Kernel;

/// <summary>A temporary watcher for <c>GracefulStop</c>: completes true on the target's termination, false on timeout.</summary>
internal sealed class StopWatcher(ActorPath path) : PromiseActorRef(path)
{
    private readonly TaskCompletionSource<bool> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private CancellationTokenSource? _timeout;

    public Task<bool> Task => _completion.Task;

    public void Start(TimeSpan timeout, TimeProvider clock)
    {
        _timeout = new CancellationTokenSource(timeout, clock);
        _timeout.Token.Register(static state => ((StopWatcher)state!).Complete(false), this);
    }

    public override void Tell(object message, IActorRef? sender)
    {
    }

    public override void SendSystemMessage(SystemMessage message)
    {
        if (message is DeathWatchNotification)
            Complete(true);
    }

    public override void FailRecipientTerminated(IActorRef recipient)
    {
    }

    private void Complete(bool stopped)
    {
        if (_completion.TrySetResult(stopped))
            _timeout?.Dispose();
    }
}
