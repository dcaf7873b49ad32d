namespace RSerPool.Actors.Kernel;

/// <summary>An actor with keyed timers; the kernel sets <see cref="Timers"/> after construction, before <c>PreStart</c>.</summary>
public interface IWithTimers
{
    ITimerScheduler Timers { get; set; }
}
