namespace RSerPool.Actors.Kernel;

/// <summary>Request-reply over tells (Akka.NET's <c>Futures.Ask</c>, actor-kernel.md §7). Every ask has a finite timeout.</summary>
public static class Futures
{
    /// <summary>Asks and returns the reply; the timeout defaults to the system's ask timeout (5 s).</summary>
    public static Task<object> Ask(this ICanTell self, object message, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        Ask<object>(self, message, timeout, cancellationToken);

    /// <summary>
    /// Asks and returns the reply as <typeparamref name="T"/>. Fails with <see cref="AskTimeoutException"/> on timeout (kernel clock)
    /// or at once when the target is terminated, with the cause of a <see cref="Status.Failure"/> reply, and with
    /// <see cref="ArgumentException"/> for a reply of another type.
    /// </summary>
    public static Task<T> Ask<T>(this ICanTell self, object message, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(self);
        ArgumentNullException.ThrowIfNull(message);
        var system = (self as InternalActorRef) switch
        {
            LocalActorRef local => local.Cell.System,
            _ => ActorCell.Current?.System,
        };
        if (system is null)
            return Task.FromException<T>(new AskTimeoutException($"Ask target {(self as IActorRef)?.Path.ToString() ?? self.ToString()} is terminated or unknown."));
        var effective = timeout ?? system.Settings.AskTimeout;
        if (effective <= TimeSpan.Zero || effective == Timeout.InfiniteTimeSpan)
            throw new ArgumentOutOfRangeException(nameof(timeout), effective, "An ask needs a finite, positive timeout.");
        var promise = new AskPromise<T>(system.NextTempPath(), (self as IActorRef)?.Path.ToString() ?? self.ToString() ?? "?");
        promise.Start(effective, system.Clock, cancellationToken);
        self.Tell(message, promise);
        return promise.Task;
    }
}
