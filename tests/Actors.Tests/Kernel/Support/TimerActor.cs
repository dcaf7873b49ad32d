using RSerPool.Actors.Kernel;

namespace RSerPool.Actors.Tests.Kernel.Support;

/// <summary>Drives its keyed timers from commands and forwards every other message (timer ticks included) to the probe.</summary>
public sealed class TimerActor : ReceiveActor, IWithTimers
{
    public TimerActor(IActorRef probe)
    {
        Receive<StartSingle>(m => Timers.StartSingleTimer(m.Key, m.Message, m.Delay));
        Receive<StartPeriodic>(m => Timers.StartPeriodicTimer(m.Key, m.Message, m.InitialDelay, m.Interval));
        Receive<CancelTimer>(m => Timers.Cancel(m.Key));
        Receive<IsActive>(m => probe.Tell(Timers.IsTimerActive(m.Key), Self));
        Receive<Fail>(m => throw m.Cause);
        ReceiveAny(m => probe.Tell(m, Self));
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public sealed record StartSingle(string Key, object Message, TimeSpan Delay);

    public sealed record StartPeriodic(string Key, object Message, TimeSpan InitialDelay, TimeSpan Interval);

    public sealed record CancelTimer(string Key);

    public sealed record IsActive(string Key);
}
