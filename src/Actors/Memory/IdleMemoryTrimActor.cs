// Issue 14 item 3: a registrar whose PEs or load are gone returns to near its idle memory. The GC runs only when
// something allocates, so once a registrar falls idle nothing would ever collect the garbage of its busy period or
// give the free heap back. This actor reads the allocation rate every check interval; when the process is idle and its
// resident memory grew by at least MinGrowth and MinGrowthRatio of its level since the last trim (or since start), it
// runs one aggressive collection.
// A busy process is never trimmed here (the GC runs anyway, and a full compacting collection would pause requests).
using System.Diagnostics;
using Akka.Actor;
using Akka.Event;

namespace RSerPool.Actors.Memory;

public sealed class IdleMemoryTrimActor : UntypedActor, IWithTimers
{
    private readonly IdleMemoryTrimSettings _settings;
    private readonly IMemoryGauge _gauge;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private long _lastAllocated;
    private long _baseline;

    public IdleMemoryTrimActor(IdleMemoryTrimSettings settings, IMemoryGauge gauge)
    {
        _settings = settings;
        _gauge = gauge;
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(IdleMemoryTrimSettings settings, IMemoryGauge? gauge = null) =>
        Akka.Actor.Props.Create(() => new IdleMemoryTrimActor(settings, gauge ?? ProcessMemoryGauge.Instance));

    protected override void PreStart()
    {
        _lastAllocated = _gauge.AllocatedBytes;
        _baseline = _gauge.ResidentBytes;
        if (_settings.Enabled)
        {
            Timers.StartPeriodicTimer(MemoryCheckDue.Instance, MemoryCheckDue.Instance, _settings.CheckInterval);
        }
    }

    protected override void OnReceive(object message)
    {
        if (message is not MemoryCheckDue)
        {
            Unhandled(message);
            return;
        }

        long allocated = _gauge.AllocatedBytes;
        long rate = (long)((allocated - _lastAllocated) / _settings.CheckInterval.TotalSeconds);
        _lastAllocated = allocated;
        long resident = _gauge.ResidentBytes;
        if (rate >= _settings.IdleAllocationRate)
        {
            return;
        }

        if (resident < _baseline)
        {
            _baseline = resident;   // the runtime gave memory back on its own: measure growth from there
            return;
        }

        if (resident - _baseline < _settings.GrowthWorthTrimming(_baseline))
        {
            return;
        }

        long started = Stopwatch.GetTimestamp();
        _gauge.Trim();
        TimeSpan took = Stopwatch.GetElapsedTime(started);
        long after = _gauge.ResidentBytes;
        _baseline = after;
        _lastAllocated = _gauge.AllocatedBytes;
        _log.Info("idle: memory given back, resident {Before} MB -> {After} MB in {Milliseconds} ms", resident >> 20, after >> 20, (long)took.TotalMilliseconds);
        Context.System.EventStream.Publish(new MemoryTrimmed(resident, after));
    }
}
