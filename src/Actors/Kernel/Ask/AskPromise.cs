using RSerPool.Actors.Kernel.Dispatch;

namespace RSerPool.Actors.Kernel;

/// <summary>The promise behind <c>Ask&lt;T&gt;</c>: a reply of type T completes it, <see cref="Status.Failure"/> faults it.</summary>
internal sealed class AskPromise<T> : PromiseActorRef
{
    private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly string _target;
    private CancellationTokenSource? _timeout;
    private CancellationTokenRegistration _timeoutRegistration;
    private CancellationTokenRegistration _userRegistration;

    public AskPromise(ActorPath path, string target)
        : base(path) => _target = target;

    public Task<T> Task => _completion.Task;

    public void Start(TimeSpan timeout, TimeProvider clock, CancellationToken cancellationToken)
    {
        _timeout = new CancellationTokenSource(timeout, clock);
        _timeoutRegistration = _timeout.Token.Register(
            static (state, _) =>
            {
                var promise = (AskPromise<T>)state!;
                promise.Complete(() => promise._completion.TrySetException(new AskTimeoutException($"Ask to {promise._target} timed out.")));
            },
            this);
        if (cancellationToken.CanBeCanceled)
        {
            _userRegistration = cancellationToken.Register(
                static (state, token) => ((AskPromise<T>)state!).Complete(() => ((AskPromise<T>)state!)._completion.TrySetCanceled(token)),
                this);
        }
    }

    public override void Tell(object message, IActorRef? sender)
    {
        switch (message)
        {
            case Status.Failure failure:
                Complete(() => _completion.TrySetException(failure.Cause));
                break;
            case T reply:
                Complete(() => _completion.TrySetResult(reply));
                break;
            default:
                Complete(() => _completion.TrySetException(new ArgumentException(
                    $"Ask to {_target} expected a reply of type {typeof(T).Name} but got {message.GetType().Name}: {message}")));
                break;
        }
    }

    public override void SendSystemMessage(SystemMessage message)
    {
    }

    public override void FailRecipientTerminated(IActorRef recipient) =>
        Complete(() => _completion.TrySetException(new AskTimeoutException($"Ask target {recipient.Path} is terminated.")));

    private void Complete(Func<bool> complete)
    {
        if (!complete())
            return;
        _timeoutRegistration.Dispose();
        _userRegistration.Dispose();
        _timeout?.Dispose();
    }
}
