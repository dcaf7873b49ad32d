namespace RSerPool.Actors.Kernel;

/// <summary>
/// Receive timeout on the kernel scheduler (actor-kernel.md §6): one pending tick per actor; a tick that finds recent
/// activity re-arms for the remaining time, one that finds the actor idle delivers <see cref="ReceiveTimeout"/> and re-arms.
/// </summary>
internal sealed partial class ActorCell
{
    public TimeSpan? ReceiveTimeout => _extras?.ReceiveTimeout;

    public void SetReceiveTimeout(TimeSpan? timeout)
    {
        if (timeout is { } t && (t <= TimeSpan.Zero || t == Timeout.InfiniteTimeSpan))
            timeout = null;
        CancelReceiveTimeout();
        if (timeout is null)
            return;
        var extras = Extras;
        extras.ReceiveTimeout = timeout;
        extras.LastActivity = _system.Clock.GetTimestamp();
        ArmReceiveTimeout(timeout.Value);
    }

    private void CancelReceiveTimeout()
    {
        var extras = _extras;
        if (extras is null)
            return;
        extras.ReceiveTimeout = null;
        extras.ReceiveTimeoutGeneration++;
        extras.ReceiveTimeoutTask?.Cancel();
        extras.ReceiveTimeoutTask = null;
    }

    private void MarkReceiveTimeoutActivity() => _extras!.LastActivity = _system.Clock.GetTimestamp();

    private void ArmReceiveTimeout(TimeSpan delay)
    {
        var extras = _extras!;
        extras.ReceiveTimeoutTask = _system.Scheduler.ScheduleTellOnceCancelable(
            delay, _self, new ReceiveTimeoutTick(extras.ReceiveTimeoutGeneration), ActorRefs.NoSender);
    }

    private void ReceiveTimeoutTicked(ReceiveTimeoutTick tick)
    {
        var extras = _extras;
        if (extras?.ReceiveTimeout is not { } timeout || tick.Generation != extras.ReceiveTimeoutGeneration)
            return;
        var idle = _system.Clock.GetElapsedTime(extras.LastActivity);
        if (idle < timeout)
        {
            ArmReceiveTimeout(timeout - idle);
            return;
        }

        extras.LastActivity = _system.Clock.GetTimestamp();
        ArmReceiveTimeout(timeout);
        ReceiveUserMessage(Kernel.ReceiveTimeout.Instance);
    }
}
