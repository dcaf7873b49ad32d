using RSerPool.Actors.RegistrarClient;
using Xunit;

namespace RSerPool.Actors.Tests.PoolElements;

/// <summary>
/// Issue 16 item 2: a hunt that keeps failing is warned about at once, then at a doubling interval up to the maximum,
/// instead of one INFO line per attempt; a registrar that answers starts the schedule over.
/// </summary>
public sealed class HuntWarningScheduleSpec
{
    [Fact]
    public void Warnings_come_at_once_then_after_1_2_4_seconds_up_to_the_maximum()
    {
        var clock = new SteppedTimeProvider();
        var schedule = new HuntWarningSchedule(clock, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(4));
        var warnedAt = new List<double>();
        // A failed hunt round every 100 ms for 20 s.
        for (int step = 0; step <= 200; step++)
        {
            if (schedule.Failed())
            {
                warnedAt.Add(Math.Round(schedule.FailingFor.TotalSeconds, 1));
            }
            clock.Advance(TimeSpan.FromMilliseconds(100));
        }

        Assert.Equal([0, 1, 3, 7, 11, 15, 19], warnedAt);
    }

    [Fact]
    public void A_registrar_that_answers_makes_the_next_failure_warn_at_once()
    {
        var clock = new SteppedTimeProvider();
        var schedule = new HuntWarningSchedule(clock, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5));
        Assert.True(schedule.Failed());
        clock.Advance(TimeSpan.FromMilliseconds(500));
        Assert.False(schedule.Failed());
        schedule.Succeeded();
        Assert.True(schedule.Failed());
        Assert.Equal(TimeSpan.Zero, schedule.FailingFor);
    }

    [Fact]
    public void With_a_first_delay_the_first_warning_waits_until_the_hunt_failed_that_long()
    {
        var clock = new SteppedTimeProvider();
        var schedule = new HuntWarningSchedule(clock, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5), firstAfter: TimeSpan.FromSeconds(20));
        var warnedAt = new List<double>();
        for (int step = 0; step <= 250; step++)
        {
            if (schedule.Failed())
            {
                warnedAt.Add(Math.Round(schedule.FailingFor.TotalSeconds, 1));
            }
            clock.Advance(TimeSpan.FromMilliseconds(100));
        }

        Assert.Equal([20, 21, 23], warnedAt);
    }

    [Fact]
    public void No_interval_means_no_warnings()
    {
        var schedule = new HuntWarningSchedule(new SteppedTimeProvider(), null, TimeSpan.FromMinutes(5));
        Assert.False(schedule.Failed());
    }
}
