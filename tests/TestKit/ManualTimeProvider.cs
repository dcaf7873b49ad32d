namespace RSerPool.Actors.Kernel.TestKit;

/// <summary>
/// A virtual clock (actor-kernel.md §9): time moves only by <see cref="Advance"/>/<see cref="AdvanceTo"/>, which fire every due
/// timer at its own due time, in due order and insertion order within one instant. A periodic timer is re-armed at
/// due + period, so advancing across k periods fires it k times. <see cref="CreateTimer"/> makes
/// <c>new CancellationTokenSource(timeout, clock)</c> virtual too.
/// </summary>
public sealed class ManualTimeProvider : TimeProvider
{
    private readonly object _gate = new();
    private readonly PriorityQueue<ManualTimer.Arming, (long Due, long Sequence)> _queue = new();
    private readonly DateTimeOffset _epoch;
    private DateTimeOffset _now;
    private long _sequence;

    /// <summary>A clock that starts at <paramref name="start"/> (default 2000-01-01T00:00:00Z).</summary>
    public ManualTimeProvider(DateTimeOffset? start = null)
    {
        _epoch = start ?? new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
        _now = _epoch;
    }

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <summary>Timers armed and not yet fired or disposed.</summary>
    public int PendingTimerCount
    {
        get
        {
            lock (_gate)
                return _queue.UnorderedItems.Count(item => item.Element.IsCurrent);
        }
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
            return _now;
    }

    public override long GetTimestamp()
    {
        lock (_gate)
            return (_now - _epoch).Ticks;
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new ManualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Moves time forward by <paramref name="delta"/>, firing due timers at their own times.</summary>
    public void Advance(TimeSpan delta)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delta, TimeSpan.Zero);
        AdvanceTo(GetUtcNow() + delta);
    }

    /// <summary>Moves time forward to <paramref name="target"/>, firing due timers at their own times.</summary>
    public void AdvanceTo(DateTimeOffset target)
    {
        while (TryFireNext(target))
        {
        }

        lock (_gate)
        {
            if (target > _now)
                _now = target;
        }
    }

    /// <summary>
    /// Fires the earliest timer due at or before <paramref name="limit"/>, after moving the clock to its due time;
    /// false when none is due. Lets a driver run work between two timers (see <c>TestScheduler</c>).
    /// </summary>
    public bool TryFireNext(DateTimeOffset limit)
    {
        ManualTimer timer;
        lock (_gate)
        {
            while (true)
            {
                if (!_queue.TryPeek(out var arming, out var key))
                    return false;
                if (!arming.IsCurrent)
                {
                    _queue.Dequeue();
                    continue;
                }

                var due = _epoch + TimeSpan.FromTicks(key.Due);
                if (due > limit)
                    return false;
                _queue.Dequeue();
                if (due > _now)
                    _now = due;
                timer = arming.Timer;
                if (timer.Period is { } period)
                    Arm(timer, due + period);
                else
                    timer.Disarm();
                break;
            }
        }

        timer.Fire();
        return true;
    }

    internal void Arm(ManualTimer timer, DateTimeOffset due)
    {
        lock (_gate)
        {
            var arming = timer.NewArming();
            _queue.Enqueue(arming, ((due - _epoch).Ticks, _sequence++));
        }
    }

    internal DateTimeOffset Now => _now;

    internal object Gate => _gate;
}
