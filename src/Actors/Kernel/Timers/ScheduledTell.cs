namespace RSerPool.Actors.Kernel;

/// <summary>One scheduled tell backed by a <see cref="TimeProvider"/> timer; cancelling disposes the timer.</summary>
internal sealed class ScheduledTell(ICanTell receiver, object message, IActorRef? sender, bool repeating) : ICancelable
{
    private ITimer? _timer;
    private int _cancelled;

    public bool IsCancellationRequested => Volatile.Read(ref _cancelled) != 0;

    /// <summary>The timer callback; <paramref name="state"/> is the item.</summary>
    public static void Fire(object? state)
    {
        var item = (ScheduledTell)state!;
        if (item.IsCancellationRequested)
            return;
        item.Deliver();
    }

    public void Attach(ITimer timer)
    {
        Volatile.Write(ref _timer, timer);
        if (IsCancellationRequested)
            timer.Dispose();
    }

    public void Cancel()
    {
        if (Interlocked.Exchange(ref _cancelled, 1) != 0)
            return;
        Volatile.Read(ref _timer)?.Dispose();
    }

    private void Deliver()
    {
        receiver.Tell(message, sender);
        if (!repeating)
            Cancel();
    }
}
