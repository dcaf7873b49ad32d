using RSerPool.Actors.Memory;
using RSerPool.TestKit;
using Xunit;

namespace RSerPool.Actors.Tests.Memory;

/// <summary>Issue 14 item 3: an idle process whose memory grew is trimmed once; a busy one or one that did not grow is not.</summary>
public sealed class IdleMemoryTrimActorSpec : VirtualTimeTestKit
{
    private const long MiB = 1L << 20;
    private static readonly IdleMemoryTrimSettings Settings = new(true, TimeSpan.FromSeconds(5), MiB, 32 * MiB);

    [Fact]
    public void An_idle_process_that_grew_is_trimmed_once_and_measures_growth_from_the_trimmed_level()
    {
        var gauge = new FakeGauge { Resident = 70 * MiB, ResidentAfterTrim = 80 * MiB };
        Sys.ActorOf(IdleMemoryTrimActor.Props(Settings, gauge));

        gauge.Allocated += 500 * MiB;   // busy: 100 MiB/s
        gauge.Resident = 230 * MiB;
        Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(0, gauge.Trims);

        Advance(TimeSpan.FromSeconds(5));   // idle now, 160 MiB above the start
        Assert.Equal(1, gauge.Trims);
        Assert.Equal(80 * MiB, gauge.Resident);

        gauge.Resident = 100 * MiB;   // 20 MiB above the trimmed level: not worth a full collection
        Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(1, gauge.Trims);

        gauge.Resident = 113 * MiB;   // 33 MiB above it
        Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(2, gauge.Trims);
    }

    [Fact]
    public void With_a_growth_ratio_a_process_is_trimmed_only_once_it_grew_by_that_share_of_its_level_too()
    {
        var gauge = new FakeGauge { Resident = 400 * MiB, ResidentAfterTrim = 410 * MiB };
        Sys.ActorOf(IdleMemoryTrimActor.Props(Settings with { MinGrowth = 8 * MiB, MinGrowthRatio = 0.1 }, gauge));

        gauge.Resident = 439 * MiB;   // 39 MiB above: more than 8 MiB, less than a tenth of 400
        Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(0, gauge.Trims);

        gauge.Resident = 441 * MiB;
        Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(1, gauge.Trims);

        gauge.ResidentAfterTrim = 60 * MiB;
        gauge.Resident = 60 * MiB;    // a small process: the 8 MiB floor binds (a tenth would be 6 MiB)
        Advance(TimeSpan.FromSeconds(5));
        gauge.Resident = 67 * MiB;
        Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(1, gauge.Trims);
        gauge.Resident = 69 * MiB;
        Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(2, gauge.Trims);
    }

    [Fact]
    public void A_busy_process_is_never_trimmed_however_much_it_grew()
    {
        var gauge = new FakeGauge { Resident = 70 * MiB };
        Sys.ActorOf(IdleMemoryTrimActor.Props(Settings, gauge));

        for (int i = 0; i < 12; i++)
        {
            gauge.Allocated += 6 * MiB;   // 1.2 MiB/s, just above the idle rate
            gauge.Resident += 100 * MiB;
            Advance(TimeSpan.FromSeconds(5));
        }

        Assert.Equal(0, gauge.Trims);
    }

    [Fact]
    public void Disabled_it_never_trims()
    {
        var gauge = new FakeGauge { Resident = 70 * MiB };
        Sys.ActorOf(IdleMemoryTrimActor.Props(Settings with { Enabled = false }, gauge));

        gauge.Resident = 700 * MiB;
        Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(0, gauge.Trims);
    }

    [Fact]
    public void A_trim_is_published_with_the_resident_bytes_before_and_after()
    {
        var gauge = new FakeGauge { Resident = 70 * MiB, ResidentAfterTrim = 75 * MiB };
        Sys.EventStream.Subscribe(TestActor, typeof(MemoryTrimmed));
        Sys.ActorOf(IdleMemoryTrimActor.Props(Settings, gauge));

        gauge.Resident = 300 * MiB;
        Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(new MemoryTrimmed(300 * MiB, 75 * MiB), ExpectMsg<MemoryTrimmed>());
    }

    private sealed class FakeGauge : IMemoryGauge
    {
        public long Allocated { get; set; }

        public long Resident { get; set; }

        public long ResidentAfterTrim { get; set; }

        public int Trims { get; private set; }

        long IMemoryGauge.AllocatedBytes => Allocated;

        long IMemoryGauge.ResidentBytes => Resident;

        public void Trim()
        {
            Trims++;
            Resident = ResidentAfterTrim;
        }
    }
}
