namespace RSerPool.Actors.Cluster;

/// <summary>A subscription's record of one publishing watch actor (one home registrar, one incarnation).</summary>
internal sealed class PoolWatchOrigin
{
    /// <summary>The origin's sequence up to which this subscription's view of its PEs is complete.</summary>
    public long LastSequence { get; set; }

    /// <summary>A snapshot was asked for at this time: events are held in <see cref="Buffer"/> until it comes.</summary>
    public DateTimeOffset? AwaitingSince { get; set; }

    /// <summary>Events that came while the snapshot was awaited, in arrival order (= the origin's order).</summary>
    public List<PoolChanged> Buffer { get; } = [];

    /// <summary>Events were dropped from a full buffer: the snapshot is asked for again once it comes.</summary>
    public bool Overflowed { get; set; }

    /// <summary>The pages of a snapshot that are still coming (<see cref="PoolWatchSnapshot.More"/>), and its sequence.</summary>
    public List<Wire.Parameters.PoolElement>? Pages { get; set; }

    public long PagesSequence { get; set; }

    /// <summary>A check said the pool's last event there is this one, newer than the last applied: lost unless it came by the next check.</summary>
    public long? Suspect { get; set; }

    /// <summary>The origin terminated (its node left) at this time; its PEs go after the grace unless taken over.</summary>
    public DateTimeOffset? LostAt { get; set; }
}
