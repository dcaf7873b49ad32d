namespace RSerPool.Actors.Kernel.TestKit;

/// <summary>A timer of <see cref="ManualTimeProvider"/>; re-arming or disposing invalidates earlier armings.</summary>
internal sealed class ManualTimer(ManualTimeProvider clock, TimerCallback callback, object? state) : ITimer
{
    private long _version;
    private bool _disposed;

    public TimeSpan? Period { get; private set; }

    public bool Change(TimeSpan dueTime, TimeSpan period)
    {
        lock (clock.Gate)
        {
            if (_disposed)
                return false;
            _version++;
            Period = period == Timeout.InfiniteTimeSpan || period == TimeSpan.Zero ? null : period;
            if (dueTime == Timeout.InfiniteTimeSpan)
                return true;
            var due = clock.Now + (dueTime < TimeSpan.Zero ? TimeSpan.Zero : dueTime);
            clock.Arm(this, due);
            return true;
        }
    }

    public void Dispose()
    {
        lock (clock.Gate)
        {
            _disposed = true;
            _version++;
        }
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    internal Arming NewArming() => new(this, _version);

    internal void Disarm() => _version++;

    internal void Fire() => callback(state);

    /// <summary>One scheduling of the timer; stale once the timer is changed, disarmed or disposed.</summary>
    internal readonly struct Arming(ManualTimer timer, long version)
    {
        public ManualTimer Timer { get; } = timer;

        public bool IsCurrent => !Timer._disposed && Timer._version == version;
    }
}
