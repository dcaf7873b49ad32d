namespace RSerPool.Actors.Transport;

/// <summary>Refusals and forced closes of stream connections, counted in <see cref="ConnectionCounters"/> (registrar /metrics).</summary>
public enum ConnectionEvent
{
    /// <summary>A connection refused because the listener holds its maximum of associations.</summary>
    RefusedMaxAssociations,

    /// <summary>A connection refused because its source address holds its maximum of associations.</summary>
    RefusedMaxPerHost,

    /// <summary>Closed: no complete message within the first-message timeout.</summary>
    ClosedNoFirstMessage,

    /// <summary>Closed: a started message not completed within the partial-frame timeout.</summary>
    ClosedPartialFrame,

    /// <summary>Closed: the peer took none of the bytes queued for it (send stall or pending-bytes bound).</summary>
    ClosedPeerDoesNotRead,

    /// <summary>Closed: answers still owed long after the peer half-closed.</summary>
    ClosedAnswersNotDrained,

    /// <summary>Reading paused because requests were in flight or answers not drained (backpressure applied).</summary>
    ReadingPaused,
}
