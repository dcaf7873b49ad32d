namespace RSerPool.Actors.Tests.PoolElements;

/// <summary>A clock that moves only when the test says so: timestamps in ticks, advanced by <see cref="Advance"/>.</summary>
public sealed class SteppedTimeProvider : TimeProvider
{
    private long _ticks;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => _ticks;

    public void Advance(TimeSpan by) => _ticks += by.Ticks;
}
