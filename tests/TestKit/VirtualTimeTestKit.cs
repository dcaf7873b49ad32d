using System.Collections;
using System.Reflection;
using Akka.Configuration;
using Akka.TestKit;
using RSerPool.Actors.Time;
using Xunit.Abstractions;

namespace RSerPool.TestKit;

/// <summary>
/// Base of specs in virtual time (<see cref="SpecConfig.VirtualTime"/>): Akka's <see cref="TestScheduler"/> drives
/// timers, RSerPool's clock reads it, and actors run on the calling thread. <see cref="Advance"/> moves time timer by
/// timer, so each fires at its own due time, as it would in production.
/// </summary>
public abstract class VirtualTimeTestKit : Akka.TestKit.Xunit2.TestKit
{
    private static readonly FieldInfo s_scheduledWork = typeof(TestScheduler).GetField("_scheduledWork", BindingFlags.Instance | BindingFlags.NonPublic)
        ?? throw new InvalidOperationException("Akka's TestScheduler no longer has _scheduledWork; update VirtualTimeTestKit.Advance.");

    protected VirtualTimeTestKit(Config? config = null, ITestOutputHelper? output = null)
        : base(config is null ? SpecConfig.VirtualTime : config.WithFallback(SpecConfig.VirtualTime), "test", output)
    {
    }

    /// <summary>The virtual-time scheduler.</summary>
    public TestScheduler Scheduler => (TestScheduler)Sys.Scheduler;

    /// <summary>RSerPool's clock of the system under test (reads <see cref="Scheduler"/>).</summary>
    public TimeProvider Clock => Sys.Clock;


    /// <summary>
    /// Advances virtual time by <paramref name="delta"/>, firing each scheduled timer at its own due time.
    /// Akka's <see cref="TestScheduler.Advance"/> jumps to the target first and fires what is due from there: a
    /// periodic timer fires once per call and a timer an actor starts while handling a fired one is scheduled from
    /// the target, not from its due time. Stepping from due time to due time keeps timer chains (keep-alive, then its
    /// timeout) exact. The scheduler keeps due times in a private field; reading it is the price of exactness.
    /// </summary>
    public void Advance(TimeSpan delta)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delta, TimeSpan.Zero);
        AdvanceTo(Scheduler.Now + delta);
    }

    /// <summary>Advances virtual time to <paramref name="target"/>, timer by timer (see <see cref="Advance"/>).</summary>
    public void AdvanceTo(DateTimeOffset target)
    {
        var scheduler = Scheduler;
        if (target < scheduler.Now)
            throw new ArgumentOutOfRangeException(nameof(target), target, "virtual time does not run backwards");
        while (NextDue(scheduler, target.UtcTicks) is { } due)
            scheduler.AdvanceTo(due);
        scheduler.AdvanceTo(target);
    }

    private static DateTimeOffset? NextDue(TestScheduler scheduler, long limitTicks)
    {
        var work = (IDictionary)s_scheduledWork.GetValue(scheduler)!;
        long? next = null;
        foreach (long ticks in work.Keys)
        {
            if (ticks <= limitTicks && (next is null || ticks < next))
                next = ticks;
        }

        return next is { } n ? new DateTimeOffset(n, TimeSpan.Zero) : null;
    }
}
