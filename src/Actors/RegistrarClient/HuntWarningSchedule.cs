namespace RSerPool.Actors.RegistrarClient;

/// <summary>
/// When a registrar hunt that keeps failing is worth a warning: at the first failure, then after
/// <see cref="RegistrarClientSettings.HuntWarningInterval"/>, doubling each time up to
/// <see cref="RegistrarClientSettings.HuntWarningMaxInterval"/> (1 s, 2 s, 4 s ... a few minutes), so a daemon hunting
/// for hours says so without flooding its log. A successful association starts the schedule over. With
/// <paramref name="firstAfter"/> the first warning waits until the hunt has failed that long (a one-shot client that
/// reports a failed start itself warns only about a hunt in a session that outlived its start).
/// </summary>
public sealed class HuntWarningSchedule(TimeProvider clock, TimeSpan? interval, TimeSpan maxInterval, TimeSpan firstAfter = default)
{
    private long? _failingSince;
    private long _nextWarning;
    private TimeSpan _gap;

    /// <summary>How long the hunt has been failing (zero when it is not).</summary>
    public TimeSpan FailingFor => _failingSince is { } since ? clock.GetElapsedTime(since) : TimeSpan.Zero;

    /// <summary>The wait before the warning after the one just given.</summary>
    public TimeSpan NextGap { get; private set; }

    /// <summary>Records a failed hunt round; true when a warning is due now (never when warnings are off).</summary>
    public bool Failed()
    {
        if (interval is not { } first)
        {
            return false;
        }

        long now = clock.GetTimestamp();
        if (_failingSince is null)
        {
            _failingSince = now;
            _gap = first;
            _nextWarning = now + (long)(firstAfter.TotalSeconds * clock.TimestampFrequency);
        }

        if (now < _nextWarning)
        {
            return false;
        }

        NextGap = _gap;
        _nextWarning = now + (long)(_gap.TotalSeconds * clock.TimestampFrequency);
        _gap = TimeSpan.FromTicks(Math.Min(_gap.Ticks * 2, Math.Max(maxInterval.Ticks, first.Ticks)));
        return true;
    }

    /// <summary>A registrar answered: the next failure warns at once again.</summary>
    public void Succeeded() => _failingSince = null;
}
