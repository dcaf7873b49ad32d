namespace RSerPool.Actors.Kernel;

/// <summary>
/// Restart bookkeeping of one child, with Akka's fixed-window algorithm (actor-kernel.md §4.2): the window opens at the
/// first counted restart; inside it restarts are counted and allowed while the count is at most the limit; once the
/// window has passed, the count restarts at 1 with a new window. Time comes from the kernel clock.
/// </summary>
internal sealed class ChildRestartStats(LocalActorRef child)
{
    private int _restarts;
    private long? _windowStart;

    public LocalActorRef Child { get; } = child;

    public bool RequestRestartPermission(int maxNrOfRetries, TimeSpan? withinTimeRange, TimeProvider clock)
    {
        if (maxNrOfRetries == 0)
            return false;
        var windowDefined = withinTimeRange is { } w && w > TimeSpan.Zero && w != Timeout.InfiniteTimeSpan;
        if (!windowDefined)
        {
            if (maxNrOfRetries < 0)
                return true;
            _restarts++;
            return _restarts <= maxNrOfRetries;
        }

        // A window without a retry limit allows one restart per window, as Akka does.
        var limit = maxNrOfRetries < 0 ? 1 : maxNrOfRetries;
        var now = clock.GetTimestamp();
        _windowStart ??= now;
        if (clock.GetElapsedTime(_windowStart.Value, now) <= withinTimeRange!.Value)
        {
            _restarts++;
            return _restarts <= limit;
        }

        _restarts = 1;
        _windowStart = now;
        return true;
    }
}
