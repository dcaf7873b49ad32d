namespace RSerPool.Actors.Registrar;

/// <summary>
/// A token bucket on the kernel clock (RSPLIB -maxhrrate / -maxeurate equivalents, docs/protocol-notes.md §9): refills
/// <c>ratePerSecond</c> tokens per second up to one second's worth (at least one token). Rate 0 = unlimited.
/// </summary>
internal sealed class TokenBucket
{
    private readonly double _ratePerSecond;
    private readonly double _capacity;
    private readonly TimeProvider _clock;
    private double _tokens;
    private long _lastRefill;

    public TokenBucket(double ratePerSecond, TimeProvider clock)
    {
        _ratePerSecond = ratePerSecond;
        _capacity = Math.Max(1.0, ratePerSecond);
        _clock = clock;
        _tokens = _capacity;
        _lastRefill = clock.GetTimestamp();
    }

    public bool IsUnlimited => _ratePerSecond <= 0;

    /// <summary>Takes one token; false when the bucket is empty (the request is over the rate).</summary>
    public bool TryTake()
    {
        if (IsUnlimited)
        {
            return true;
        }

        long now = _clock.GetTimestamp();
        double elapsedSeconds = _clock.GetElapsedTime(_lastRefill, now).TotalSeconds;
        _lastRefill = now;
        _tokens = Math.Min(_capacity, _tokens + (elapsedSeconds * _ratePerSecond));
        if (_tokens < 1.0)
        {
            return false;
        }

        _tokens -= 1.0;
        return true;
    }

    /// <summary>How long until the bucket holds a token again (zero when it holds one or is unlimited).</summary>
    public TimeSpan TimeUntilToken() =>
        IsUnlimited || _tokens >= 1.0 ? TimeSpan.Zero : TimeSpan.FromSeconds((1.0 - _tokens) / _ratePerSecond);
}
