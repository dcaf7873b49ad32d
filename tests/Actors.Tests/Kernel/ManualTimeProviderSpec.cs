using RSerPool.Actors.Kernel.TestKit;
using Xunit;

namespace RSerPool.Actors.Tests.Kernel;

public sealed class ManualTimeProviderSpec
{
    private readonly ManualTimeProvider _clock = new();

    [Fact]
    public void Time_moves_only_when_advanced()
    {
        var start = _clock.GetUtcNow();
        var stamp = _clock.GetTimestamp();

        _clock.Advance(TimeSpan.FromSeconds(3));

        Assert.Equal(start + TimeSpan.FromSeconds(3), _clock.GetUtcNow());
        Assert.Equal(TimeSpan.FromSeconds(3), _clock.GetElapsedTime(stamp));
    }

    [Fact]
    public void Timers_fire_at_their_own_due_time_in_due_then_creation_order()
    {
        var fired = new List<(string Name, DateTimeOffset At)>();
        var start = _clock.GetUtcNow();
        using var late = _clock.CreateTimer(_ => fired.Add(("late", _clock.GetUtcNow())), null, TimeSpan.FromSeconds(3), Timeout.InfiniteTimeSpan);
        using var tieA = _clock.CreateTimer(_ => fired.Add(("tieA", _clock.GetUtcNow())), null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
        using var tieB = _clock.CreateTimer(_ => fired.Add(("tieB", _clock.GetUtcNow())), null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);

        _clock.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(["tieA", "tieB", "late"], fired.Select(f => f.Name));
        Assert.Equal([1, 1, 3], fired.Select(f => (int)(f.At - start).TotalSeconds));
    }

    [Fact]
    public void A_periodic_timer_fires_once_per_period_across_a_long_advance()
    {
        var count = 0;
        using var timer = _clock.CreateTimer(_ => count++, null, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2));

        _clock.Advance(TimeSpan.FromSeconds(11));

        Assert.Equal(5, count);
    }

    [Fact]
    public void Change_and_Dispose_take_effect_for_pending_timers()
    {
        var fired = 0;
        var timer = _clock.CreateTimer(_ => fired++, null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
        timer.Change(TimeSpan.FromSeconds(5), Timeout.InfiniteTimeSpan);

        _clock.Advance(TimeSpan.FromSeconds(4));
        Assert.Equal(0, fired);
        timer.Dispose();
        _clock.Advance(TimeSpan.FromSeconds(4));

        Assert.Equal(0, fired);
        Assert.Equal(0, _clock.PendingTimerCount);
    }

    [Fact]
    public void A_CancellationTokenSource_on_the_clock_cancels_in_virtual_time()
    {
        using var source = new CancellationTokenSource(TimeSpan.FromSeconds(5), _clock);

        _clock.Advance(TimeSpan.FromSeconds(4.999));
        Assert.False(source.IsCancellationRequested);
        _clock.Advance(TimeSpan.FromMilliseconds(1));

        Assert.True(source.IsCancellationRequested);
    }

    [Fact]
    public void A_timer_created_by_a_callback_fires_within_the_same_advance_if_due()
    {
        var fired = new List<string>();
        using var outer = _clock.CreateTimer(
            _ =>
            {
                fired.Add("outer");
                _clock.CreateTimer(_ => fired.Add("inner"), null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
            },
            null,
            TimeSpan.FromSeconds(1),
            Timeout.InfiniteTimeSpan);

        _clock.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(["outer", "inner"], fired);
    }
}
