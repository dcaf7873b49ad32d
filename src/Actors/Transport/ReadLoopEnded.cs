namespace RSerPool.Actors.Transport;

/// <summary>
/// Internal: the socket's read loop ended (peer closed, error, or broken framing). <see cref="Drain"/>: the socket can
/// still send, so the answers owed for what was read go out before the association closes.
/// </summary>
internal sealed record ReadLoopEnded(string Reason, bool IsProtocolViolation)
{
    public bool Drain { get; init; }
}
