namespace RSerPool.Actors.Transport;

/// <summary>
/// Thread-safe counts of <see cref="ConnectionEvent"/>s of one listener's associations (each refusal and forced close is
/// logged once per offender and cause, and counted here every time); the registrar host shows them at /status and /metrics.
/// </summary>
public sealed class ConnectionCounters
{
    private readonly long[] _counts = new long[Enum.GetValues<ConnectionEvent>().Length];

    public long this[ConnectionEvent connectionEvent] => Interlocked.Read(ref _counts[(int)connectionEvent]);

    public void Count(ConnectionEvent connectionEvent) => Interlocked.Increment(ref _counts[(int)connectionEvent]);

    /// <summary>Every count by event name (for the status document).</summary>
    public IReadOnlyDictionary<string, long> Snapshot() =>
        Enum.GetValues<ConnectionEvent>().ToDictionary(e => e.ToString(), e => this[e]);
}
