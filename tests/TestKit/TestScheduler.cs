using RSerPool.Actors.Kernel.Dispatch;

namespace RSerPool.Actors.Kernel.TestKit;

/// <summary>
/// Virtual time for a system on <see cref="ManualDispatcher"/> + <see cref="ManualTimeProvider"/> (Akka.TestKit's
/// <c>TestScheduler</c>): before each timer fires, all ready work runs, so every actor has processed its schedule requests.
/// </summary>
public sealed class TestScheduler(ManualTimeProvider clock, ManualDispatcher dispatcher)
{
    /// <summary>The virtual now.</summary>
    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>Advances by <paramref name="delta"/>, running ready work before and after each timer.</summary>
    public void Advance(TimeSpan delta)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delta, TimeSpan.Zero);
        AdvanceTo(Now + delta);
    }

    /// <summary>Advances to <paramref name="target"/>, running ready work before and after each timer.</summary>
    public void AdvanceTo(DateTimeOffset target)
    {
        dispatcher.RunUntilIdle();
        while (clock.TryFireNext(target))
            dispatcher.RunUntilIdle();
        clock.AdvanceTo(target);
        dispatcher.RunUntilIdle();
    }
}
