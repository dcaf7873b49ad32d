namespace RSerPool.Actors.Session;

/// <summary>Told to the handler just before the connection actor stops on its own (peer closed, error, broken framing).</summary>
public sealed record ShimConnectionClosed(string Reason, bool IsProtocolViolation);
