namespace RSerPool.Actors.Kernel;

/// <summary>Brings a task's outcome back into an actor as a message (Akka.NET's <c>PipeTo</c>, actor-kernel.md §7).</summary>
public static class PipeToSupport
{
    /// <summary>Tells the result (or <paramref name="success"/>'s mapping) or a <see cref="Status.Failure"/> (or <paramref name="failure"/>'s mapping) to <paramref name="recipient"/>.</summary>
    public static Task PipeTo<T>(this Task<T> task, ICanTell recipient, IActorRef? sender = null, Func<T, object>? success = null, Func<Exception, object>? failure = null)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(recipient);
        return task.ContinueWith(
            completed =>
            {
                if (completed.IsCompletedSuccessfully)
                {
                    var result = completed.Result;
                    recipient.Tell(success is not null ? success(result) : (object?)result ?? new Status.Success(null), sender);
                }
                else
                {
                    var cause = Unwrap(completed);
                    recipient.Tell(failure is not null ? failure(cause) : new Status.Failure(cause), sender);
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    /// <summary>Tells <paramref name="success"/>'s message (default <see cref="Status.Success"/>) or a <see cref="Status.Failure"/>.</summary>
    public static Task PipeTo(this Task task, ICanTell recipient, IActorRef? sender = null, Func<object>? success = null, Func<Exception, object>? failure = null)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(recipient);
        return task.ContinueWith(
            completed =>
            {
                if (completed.IsCompletedSuccessfully)
                    recipient.Tell(success?.Invoke() ?? new Status.Success(null), sender);
                else
                {
                    var cause = Unwrap(completed);
                    recipient.Tell(failure is not null ? failure(cause) : new Status.Failure(cause), sender);
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private static Exception Unwrap(Task task) =>
        task.IsCanceled
            ? new TaskCanceledException(task)
            : task.Exception!.InnerExceptions.Count == 1 ? task.Exception.InnerExceptions[0] : task.Exception;
}
