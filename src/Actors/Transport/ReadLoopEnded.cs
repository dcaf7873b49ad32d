namespace RSerPool.Actors.Transport;

/// <summary>Internal: the socket's read loop ended (peer closed, error, or broken framing).</summary>
internal sealed record ReadLoopEnded(string Reason, bool IsProtocolViolation);
