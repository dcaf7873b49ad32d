namespace RSerPool.Actors.Kernel;

/// <summary>The per-actor keyed timers (actor-kernel.md §6); generation-checked on delivery.</summary>
internal sealed class TimerScheduler(ActorCell cell) : ITimerScheduler
{
    private readonly Dictionary<object, ActiveTimer> _timers = [];
    private long _generation;

    public void StartPeriodicTimer(object key, object msg, TimeSpan interval) => Start(key, msg, interval, interval, repeat: true);

    public void StartPeriodicTimer(object key, object msg, TimeSpan initialDelay, TimeSpan interval) => Start(key, msg, initialDelay, interval, repeat: true);

    public void StartSingleTimer(object key, object msg, TimeSpan timeout) => Start(key, msg, timeout, Timeout.InfiniteTimeSpan, repeat: false);

    public bool IsTimerActive(object key) => _timers.ContainsKey(key);

    public void Cancel(object key)
    {
        if (_timers.Remove(key, out var timer))
            timer.Handle.Cancel();
    }

    public void CancelAll()
    {
        foreach (var timer in _timers.Values)
            timer.Handle.Cancel();
        _timers.Clear();
    }

    /// <summary>Unwraps a timer message that is still current; false for cancelled, replaced or foreign timers.</summary>
    public bool TryAccept(TimerMessage message, out object payload)
    {
        payload = message.Message;
        if (!ReferenceEquals(message.Owner, this) || !_timers.TryGetValue(message.Key, out var timer) || timer.Generation != message.Generation)
            return false;
        if (!timer.Repeat)
            _timers.Remove(message.Key);
        return true;
    }

    private void Start(object key, object msg, TimeSpan initialDelay, TimeSpan interval, bool repeat)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(msg);
        Cancel(key);
        var generation = ++_generation;
        var envelope = new TimerMessage(key, generation, this, msg);
        var scheduler = cell.System.Scheduler;
        var handle = repeat
            ? scheduler.ScheduleTellRepeatedlyCancelable(initialDelay, interval, cell.Self, envelope, ActorRefs.NoSender)
            : scheduler.ScheduleTellOnceCancelable(initialDelay, cell.Self, envelope, ActorRefs.NoSender);
        _timers[key] = new ActiveTimer(generation, handle, repeat);
    }

    private readonly record struct ActiveTimer(long Generation, ICancelable Handle, bool Repeat);
}
